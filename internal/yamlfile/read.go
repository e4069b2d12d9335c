package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
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
