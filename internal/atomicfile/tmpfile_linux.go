package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// openUnnamed opens an unnamed file in dir (O_TMPFILE): it has no name until
// linked, so a killed process leaves nothing behind. Tests replace it to act
// as a filesystem without O_TMPFILE.
var openUnnamed = func(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o600)
	if err != nil {
		// EISDIR or EINVAL from kernels and EOPNOTSUPP from filesystems
		// without O_TMPFILE.
		if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL) {
			return nil, errUnsupported
		}
		return nil, &fs.PathError{Op: "create", Path: dir, Err: err}
	}
	return os.NewFile(uintptr(fd), dir), nil
}

// writeUnnamed writes data to an unnamed file and links it at path; with
// overwrite and an existing path it links it under a temporary name and
// renames that over path.
func writeUnnamed(dir, path string, data []byte, perm fs.FileMode, overwrite bool) error {
	f, err := openUnnamed(dir)
	if err != nil {
		return err
	}
	proc := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
	if err := fillOpen(f, data, perm); err != nil {
		f.Close()
		return err
	}
	defer f.Close()
	err = unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EEXIST) && !overwrite:
		return fmt.Errorf("%w (use --force to replace it)", ErrExists)
	case errors.Is(err, unix.EEXIST):
		return linkAndRename(proc, dir, path)
	case errors.Is(err, unix.ENOENT) || errors.Is(err, unix.EPERM) || isNoLinkError(err):
		// No /proc, or no hard links here.
		return errUnsupported
	}
	return &os.LinkError{Op: "link", Old: proc, New: path, Err: err}
}

func linkAndRename(proc, dir, path string) error {
	for i := 0; ; i++ {
		tmp := fmt.Sprintf("%s/%s%d", dir, tempPrefix(path), i)
		err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW)
		if errors.Is(err, unix.EEXIST) && i < 100 {
			continue
		}
		if err != nil {
			return errUnsupported
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return err
		}
		return nil
	}
}
