//go:build !linux

package atomicfile

import "io/fs"

func writeUnnamed(string, string, []byte, fs.FileMode, bool) error { return errUnsupported }
