package store

import (
	_ "embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gapmap/gapmap/internal/atomicfile"
)

// template is an empty database with the newest schema: what the
// migrations make of a new file, made once at build time
// (TestTemplateIsTheNewestSchema checks it, and rewrites it with
// -update-template). A new database is a copy of it: running the
// migrations took 15–55 ms of SQL and disk syncs at the first start, a
// copy is one write and two syncs.
//
//go:embed template.db
var template []byte

// copyTemplate creates the database at abs as a copy of the template,
// whole or not at all, and reports whether the file now exists (made here
// or, a moment earlier, by another process). On false the caller creates
// the file the slow way, which also reports any error: a dangling symbolic
// link at abs (followed there, not replaced here), a folder that cannot be
// made, a file system without hard links. A temporary database's copy is
// not synced to disk.
func copyTemplate(abs, mode string) bool {
	if _, err := os.Lstat(abs); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return false
	}
	if mode == temporary {
		f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return false
		}
		_, err = f.Write(template)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(abs)
			return false
		}
		return true
	}
	err := atomicfile.Write(abs, template, 0o600, false)
	return err == nil || errors.Is(err, atomicfile.ErrExists)
}
