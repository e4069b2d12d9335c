//go:build unix

package atomicfile

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"syscall"
)

// ProcessRuns reports whether a process with this id exists and has not
// ended (a zombie, killed and not yet reaped, has ended); one owned by
// another user counts as running. What a process that no longer runs left
// behind (a temporary file, the demo's folder) may be removed.
func ProcessRuns(pid int) bool {
	if pid <= 0 {
		return true
	}
	err := syscall.Kill(pid, 0)
	if err != nil {
		return errors.Is(err, syscall.EPERM)
	}
	// Linux: /proc/PID/stat is "PID (COMMAND) STATE ...".
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if i := bytes.LastIndexByte(stat, ')'); err == nil && i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// isNoLinkError reports errors of filesystems that have no hard links.
func isNoLinkError(err error) bool {
	return errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.EOPNOTSUPP) ||
		errors.Is(err, syscall.EMLINK) || errors.Is(err, syscall.ENOSYS) || errors.Is(err, syscall.EXDEV)
}
