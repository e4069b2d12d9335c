// Package atomicfile writes files so that a reader never sees a half-written
// file and an existing file is never replaced by accident.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned when the destination exists and overwrite is false.
var ErrExists = errors.New("file already exists")

// Write writes data to path through a temporary file in the same folder that
// is synced and then renamed (overwrite) or hard-linked (no overwrite, which
// fails atomically if path exists) into place.
func Write(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	dir := filepath.Dir(path)
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: %w (use --force to replace it)", path, ErrExists)
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if overwrite {
		err = os.Rename(tmpName, path)
	} else if err = os.Link(tmpName, path); errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w (use --force to replace it)", path, ErrExists)
	}
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable; failure only weakens durability, so it
// is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
