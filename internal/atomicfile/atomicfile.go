// Package atomicfile writes files so that a reader never sees a half-written
// file, an existing file is never replaced by accident, only regular files
// are ever replaced, and a killed writer leaves no temporary file behind.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var (
	// ErrExists is returned when the destination exists and overwrite is false.
	ErrExists = errors.New("file already exists")
	// ErrNotRegular is returned when the destination is a directory, a FIFO,
	// a device or a socket, which are never replaced.
	ErrNotRegular = errors.New("not a regular file")
)

// Write writes data to path. The data goes to an unnamed file (O_TMPFILE,
// on Linux) or else to a temporary file named .NAME.tmp-PID-N in the same
// folder, is synced, and is then linked into place (which fails atomically
// if path exists) or, with overwrite, renamed over it.
//
// Everything gapmap writes describes a company's security gaps, so the file
// is private: the group and other bits of perm are dropped, whatever the
// umask. Temporary files of gapmap processes that no longer run are removed
// from the folder first.
func Write(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	perm &= 0o700
	if err := checkTarget(path, overwrite); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	removeStale(dir)
	err := writeUnnamed(dir, path, data, perm, overwrite)
	if errors.Is(err, errUnsupported) {
		err = writeNamed(dir, path, data, perm, overwrite)
	}
	if err != nil {
		return explain(path, err)
	}
	syncDir(dir)
	return nil
}

// errUnsupported means the platform or filesystem cannot do what was asked;
// the caller falls back to a slower way.
var errUnsupported = errors.New("not supported here")

// checkTarget refuses a destination that exists and is not a regular file
// (or a link to one), even with overwrite: replacing /dev/null or a FIFO
// with a report is never what was meant.
func checkTarget(path string, overwrite bool) error {
	li, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return explain(path, err)
	}
	mode := li.Mode()
	if mode&fs.ModeSymlink != 0 {
		if fi, err := os.Stat(path); err == nil {
			mode = fi.Mode()
		}
	}
	if mode&fs.ModeSymlink == 0 && !mode.IsRegular() {
		return fmt.Errorf("%s: %w (it is %s); write to a file, or use -o - for standard output", path, ErrNotRegular, kind(mode))
	}
	if !overwrite {
		return fmt.Errorf("%s: %w (use --force to replace it)", path, ErrExists)
	}
	return nil
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}

// writeNamed writes through a named temporary file, for platforms and
// filesystems without O_TMPFILE. A kill leaves that file behind until the
// next write to the folder removes it (removeStale).
func writeNamed(dir, path string, data []byte, perm fs.FileMode, overwrite bool) error {
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	if err := fill(tmp, data, perm); err != nil {
		return err
	}
	if overwrite {
		return os.Rename(tmpName, path)
	}
	err = link(tmpName, path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%w (use --force to replace it)", ErrExists)
	case err != nil && !errors.Is(err, fs.ErrPermission) && !isNoLinkError(err):
		return err
	case err != nil:
		return publishWithoutLink(tmpName, path)
	}
	return nil
}

// publishWithoutLink serves filesystems without hard links: it claims the
// name with an exclusive create, so an existing file is still never
// replaced, then renames the written file over the empty claim.
func publishWithoutLink(tmpName, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%w (use --force to replace it)", ErrExists)
	}
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(tmpName, path); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// fill writes, chmods, syncs and closes f.
func fill(f *os.File, data []byte, perm fs.FileMode) error {
	err := fillOpen(f, data, perm)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// fillOpen is fill without the close, for a file that must stay open to be
// linked.
func fillOpen(f *os.File, data []byte, perm fs.FileMode) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if err == nil && beforePublish != nil {
		beforePublish()
	}
	return err
}

// beforePublish, when set (by tests), runs once the data is written and
// synced, before it gets its name: a test kills the process there.
var beforePublish func()

// link is os.Link; tests replace it to act as a filesystem without hard links.
var link = os.Link

// tempPrefix is .NAME.tmp-PID-, so that removeStale can tell whose it is.
func tempPrefix(path string) string {
	return fmt.Sprintf(".%s.tmp-%d-", filepath.Base(path), os.Getpid())
}

// explain makes a path error readable, with a hint when a path starting
// with "~" was not found: the shell expands "~", and did not here.
func explain(path string, err error) error {
	dir := filepath.Dir(path)
	if _, serr := os.Stat(dir); errors.Is(err, fs.ErrNotExist) && errors.Is(serr, fs.ErrNotExist) {
		err = missingFolder{path, dir}
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe) && pe.Path != path:
		// The temporary file gapmap writes first: its name means nothing
		// to the user; the folder does.
		err = fmt.Errorf("%s: cannot write a file in %s: %w", path, dir, pe.Err)
	case errors.As(err, &le):
		err = fmt.Errorf("%s: %w", path, le.Err)
	case pe == nil && !strings.HasPrefix(err.Error(), path+":"):
		err = fmt.Errorf("%s: %w", path, err)
	}
	if strings.HasPrefix(path, "~") && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w (\"~\" is expanded by the shell, not by gapmap: leave it unquoted or write the full path)", err)
	}
	return err
}

// missingFolder is the error for a path whose folder does not exist.
type missingFolder struct{ path, dir string }

func (e missingFolder) Error() string {
	return fmt.Sprintf("%s: the folder %s does not exist", e.path, e.dir)
}

func (e missingFolder) Is(target error) bool { return target == fs.ErrNotExist }

// syncDir makes the rename durable; failure only weakens durability, so it
// is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
