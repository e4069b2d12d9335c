package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// reasonIntegrity is the refusal when quick_check finds damage.
const reasonIntegrity = "is damaged (the integrity check says: %s); nothing was written; restore it from a backup"

// Verify checks the database's integrity (PRAGMA quick_check) once per
// store, so a damaged file is refused before anything is written to it:
// every write calls it first, and the result is kept. Where a write-ahead
// log exists the check runs on a private copy of the three files, so a
// damaged file is left as it was, log included. An interactive program
// calls it in the background on start, so its first save does not wait.
func (s *Store) Verify(ctx context.Context) error {
	s.verifyMu.Lock()
	defer s.verifyMu.Unlock()
	if s.checked {
		return s.verified
	}
	err := s.quickCheck(ctx)
	var refused *RefusedError
	if err != nil && !errors.As(err, &refused) {
		return err // not a verdict on the file (cancelled, no room for a copy): check again next time
	}
	s.checked, s.verified = true, err
	return err
}

// refused reports whether Verify found the file damaged.
func (s *Store) refused() bool {
	s.verifyMu.Lock()
	defer s.verifyMu.Unlock()
	return s.checked && s.verified != nil
}

func (s *Store) quickCheck(ctx context.Context) error {
	if s.abs == "" || !hasWAL(s.abs) {
		return s.quickCheckDB(ctx, s.db)
	}
	return onCopies(s.abs, func(copyPath string) error {
		db, err := sql.Open("sqlite", dsn(copyPath, ""))
		if err != nil {
			return fmt.Errorf("checking %s: %w", s.path, err)
		}
		defer db.Close()
		return s.quickCheckDB(ctx, db)
	})
}

// onCopies runs check on a private copy of the database, and when it finds
// the copy damaged, on a fresh copy, up to three times: a copy taken while
// another gapmap checkpoints its log can mix two states of the file, and
// must not have the file refused.
func onCopies(abs string, check func(copyPath string) error) error {
	var err error
	for range 3 {
		var dir, copyPath string
		dir, copyPath, err = privateCopy(abs)
		if err != nil {
			return err
		}
		err = check(copyPath)
		os.RemoveAll(dir)
		var refused *RefusedError
		if !errors.As(err, &refused) || !strings.Contains(refused.Reason, "damaged") {
			return err
		}
	}
	return err
}

func (s *Store) quickCheckDB(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check(5)`)
	if err != nil {
		return s.describe(fmt.Errorf("checking %s: %w", s.path, err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.describe(fmt.Errorf("checking %s: %w", s.path, err))
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return s.describe(fmt.Errorf("checking %s: %w", s.path, err))
	}
	if len(problems) > 0 {
		return &RefusedError{Path: s.path, Reason: fmt.Sprintf(reasonIntegrity, strings.Join(problems, "; "))}
	}
	return nil
}

// probeCopy judges a database whose write-ahead log may hold changes its
// header does not show yet (a newer schema, another application's tables),
// on a private copy: SQLite, even read-only, writes to the -shm file and
// may recover the log, and on close checkpoints it into the main file.
func probeCopy(path, abs string, newest int) error {
	return onCopies(abs, func(copyPath string) error {
		db, err := sql.Open("sqlite", dsn(copyPath, ""))
		if err != nil {
			return fmt.Errorf("checking %s: %w", path, err)
		}
		defer db.Close()
		probe := &Store{db: db, path: path}
		st, err := readState(context.Background(), db)
		if err != nil {
			return probe.describe(fmt.Errorf("checking %s: %w", path, err))
		}
		return st.refusal(path, newest)
	})
}

// privateCopy copies the database and its -wal file, if any, into a new
// private folder, and returns the folder and the copy's path. The caller
// removes the folder. The -shm file is left out on purpose: it only indexes
// the log, and a copy of it taken a moment after the log's could point past
// the log's end; without it SQLite rebuilds the index from the log itself,
// keeping only the transactions whose checksums hold.
func privateCopy(abs string) (dir, copyPath string, err error) {
	dir, err = os.MkdirTemp("", "gapmap-probe-*")
	if err != nil {
		return "", "", err
	}
	copyPath = filepath.Join(dir, "probe.db")
	for _, ext := range []string{"", "-wal"} {
		err := copyFile(abs+ext, copyPath+ext)
		if errors.Is(err, fs.ErrNotExist) && ext != "" {
			continue
		}
		if err != nil {
			os.RemoveAll(dir)
			return "", "", err
		}
	}
	return dir, copyPath, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// headerState reads the application ID and schema version from the file's
// header (zero for an empty file).
func headerState(abs string) (dbState, error) {
	h, err := readHeader(abs)
	if err != nil {
		return dbState{}, err
	}
	if len(h) < headerSize {
		return dbState{}, nil
	}
	be := binary.BigEndian
	return dbState{
		appID:   int64(be.Uint32(h[offApplicationID:])),
		version: int64(be.Uint32(h[offUserVersion:])),
		tables:  int64(be.Uint32(h[offSchemaCookie:])),
	}, nil
}
