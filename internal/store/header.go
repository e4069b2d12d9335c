package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// Offsets in the 100-byte database header (https://sqlite.org/fileformat.html).
const (
	offPageSize      = 16
	offChangeCounter = 24
	offPageCount     = 28
	offSchemaCookie  = 40
	offUserVersion   = 60
	offApplicationID = 68
	offValidFor      = 92
	headerSize       = 100
)

// Reasons for refusing a file, shared by the header check and the check
// SQLite makes after opening.
const (
	reasonNotSQLite  = "is not a gapmap database (not an SQLite file)"
	reasonOtherApp   = "is not a gapmap database (an SQLite database of another application)"
	reasonNewer      = "was written by a newer version of gapmap (schema %d, this build knows up to %d); upgrade gapmap"
	reasonTruncated  = "is damaged: the file is truncated (%d bytes, its header says %d); restore it from a backup"
	reasonMalformed  = "is damaged (%v); restore it from a backup"
	reasonNotRegular = "is not a gapmap database (not a regular file)"
)

// checkHeader refuses a file gapmap must not open by reading its header
// only: opening it with SQLite first could create -wal/-shm files or
// change it, and a refused file must be left exactly as it was.
func checkHeader(path, abs string, size int64, newest int) error {
	h, err := readHeader(abs)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	refuse := func(format string, args ...any) error {
		return &RefusedError{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	if len(h) < len(sqliteMagic) || string(h[:len(sqliteMagic)]) != sqliteMagic {
		return refuse(reasonNotSQLite)
	}
	if len(h) < headerSize {
		return refuse(reasonTruncated, size, headerSize)
	}
	be := binary.BigEndian
	appID := be.Uint32(h[offApplicationID:])
	// A schema cookie of 0 means no table was ever created: an empty
	// database, which gapmap may take over.
	if appID != applicationID && (appID != 0 || be.Uint32(h[offSchemaCookie:]) != 0) {
		return refuse(reasonOtherApp)
	}
	// With a write-ahead log present the main file can legitimately be
	// shorter than its header says (a checkpoint stopped halfway); SQLite
	// completes it from the log, so only judge the size without one.
	if !hasWAL(abs) {
		if want := expectedSize(h); want > 0 && size < want {
			return refuse(reasonTruncated, size, want)
		}
	}
	if v := be.Uint32(h[offUserVersion:]); int64(v) > int64(newest) {
		return refuse(reasonNewer, v, newest)
	}
	return nil
}

// readHeader returns up to the first 100 bytes of the file.
func readHeader(abs string) ([]byte, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := make([]byte, headerSize)
	n, err := io.ReadFull(f, h)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return h[:n], nil
}

// expectedSize is page size × page count from the header, or 0 when the
// header's page count is not valid (written by an old SQLite version).
func expectedSize(h []byte) int64 {
	be := binary.BigEndian
	pageSize := int64(be.Uint16(h[offPageSize:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(be.Uint32(h[offPageCount:]))
	if pages == 0 || be.Uint32(h[offChangeCounter:]) != be.Uint32(h[offValidFor:]) {
		return 0
	}
	return pageSize * pages
}

// hasWAL reports whether a non-empty write-ahead log sits next to the file.
func hasWAL(abs string) bool {
	fi, err := os.Stat(abs + "-wal")
	return err == nil && fi.Size() > 0
}
