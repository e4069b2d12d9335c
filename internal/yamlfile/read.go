package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
)

// ReadFile reads a file for Parse, refusing one over MaxBytes without
// reading more than that.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, explainPath(path, err)
	}
	defer f.Close()
	// A buffer of the file's size, and room to see its end, is filled in
	// place: growing one as it fills copied a 7 MB bank seven times.
	var buf bytes.Buffer
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", path)
	}
	if err == nil && fi.Mode().IsRegular() {
		if fi.Size() > MaxBytes {
			return nil, tooLarge(path, fi.Size())
		}
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxBytes+1)); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if buf.Len() > MaxBytes {
		return nil, tooLarge(path, -1)
	}
	return buf.Bytes(), nil
}

// explainPath adds a hint when a path starting with "~" was not found: the
// shell expands "~", and did not here (it was quoted, or came from a file).
func explainPath(path string, err error) error {
	if strings.HasPrefix(path, "~") && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w (\"~\" is expanded by the shell, not by gapmap: leave it unquoted or write the full path)", err)
	}
	return err
}

// mapSize is the size from which a file is mapped rather than read: above
// what goccy may be given, so only yaml.v3, which copies what it keeps, reads
// mapped bytes.
const mapSize = goccyMaxBytes + 1

// useFile calls use with the bytes of the file at path, as ReadFile reads
// them (with its errors), or mapped when the file is large. A mapped file
// cut short while in use faults when its lost pages are touched: that is
// recovered into an error here rather than a crash. use must keep no
// reference to the bytes.
func useFile(path string, use func(data []byte)) (err error) {
	data, unmap := mapLarge(path)
	if unmap == nil {
		if data, err = ReadFile(path); err != nil {
			return err
		}
		use(data)
		return nil
	}
	defer unmap()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			if _, fault := p.(interface{ Addr() uintptr }); !fault {
				panic(p)
			}
			err = Problems{{File: path, Msg: "the file changed while it was read; try again"}}
		}
	}()
	use(data)
	return nil
}

// mapLarge maps a regular file of mapSize to MaxBytes bytes; unmap is nil
// when it did not.
func mapLarge(path string) (data []byte, unmap func()) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() < mapSize || fi.Size() > MaxBytes {
		return nil, nil
	}
	data, unmap, ok := mapFile(f, fi.Size())
	if !ok {
		return nil, nil
	}
	return data, unmap
}
