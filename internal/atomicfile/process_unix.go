//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// processRuns reports whether a process with this id exists; one owned by
// another user counts as running.
func processRuns(pid int) bool {
	if pid <= 0 {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// isNoLinkError reports errors of filesystems that have no hard links.
func isNoLinkError(err error) bool {
	return errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.EOPNOTSUPP) ||
		errors.Is(err, syscall.EMLINK) || errors.Is(err, syscall.ENOSYS) || errors.Is(err, syscall.EXDEV)
}
