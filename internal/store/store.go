// Package store keeps assessments in one SQLite file: the schema and its
// migrations, assessments with the summary the home screen lists, their
// answers, and the history of every answer change. All of gapmap's SQL lives
// here.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// applicationID is written to PRAGMA application_id ("gapm") so a gapmap
// database can be told from any other SQLite file by its header alone.
const applicationID = 0x6761706d

// pragmas apply to every connection. WAL with synchronous(FULL) makes a
// commit durable when it returns; immediate transactions take the write lock
// up front so two writers wait for each other (busy_timeout) instead of
// failing with SQLITE_BUSY when one upgrades a read lock.
const pragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
	"&_pragma=busy_timeout(5000)&_txlock=immediate"

// Store is an open gapmap database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
}

var (
	// ErrNotFound is wrapped with the assessment's name or ID.
	ErrNotFound = errors.New("not found")
	// ErrExists is wrapped with the name already taken.
	ErrExists = errors.New("already exists")
)

// RefusedError is returned by Open for a file it will not open: not a gapmap
// database, damaged, or written by a newer gapmap; the file is left as it
// was. Any method returns it when SQLite finds the file damaged.
type RefusedError struct {
	Path   string
	Reason string
}

func (e *RefusedError) Error() string { return e.Path + " " + e.Reason }

// Open opens the database at path, creating it (and its folder) when
// missing, and migrates it to the newest schema. A file that is not a gapmap
// database, is damaged, or comes from a newer gapmap is refused with a
// *RefusedError; the checks read the file's header before SQLite opens it,
// so a refused file is left byte for byte as it was.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", path, err)
	}
	migs, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	if err := prepareFile(path, abs, len(migs)); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background(), migs); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database; the last connection to close checkpoints the
// write-ahead log into the main file.
func (s *Store) Close() error { return s.db.Close() }

// Path is the path the store was opened with.
func (s *Store) Path() string { return s.path }

// dsn is a file: URI so that any character in the path ('?', '#', '%') is
// escaped rather than read as the start of the parameters.
func dsn(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + "?" + pragmas
}

// prepareFile creates a new database file with owner-only permissions, or
// checks an existing one's header without writing to it.
func prepareFile(path, abs string, newest int) error {
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return createFile(abs)
	}
	if err != nil {
		return fmt.Errorf("checking %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return &RefusedError{path, reasonNotRegular}
	}
	if fi.Size() == 0 {
		return nil // created by an earlier run that stopped before writing
	}
	return checkHeader(path, abs, fi.Size(), newest)
}

// createFile makes the folder (0700) and an empty file (0600) so SQLite,
// which would honour the umask (often 0644), never creates it readable by
// others; SQLite gives the -wal and -shm files the main file's mode.
func createFile(abs string) error {
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the database folder: %w", err)
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil // another process created it first
	}
	if err != nil {
		return fmt.Errorf("creating the database: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("creating the database: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the new file's directory entry durable; SQLite syncs the
// file's contents but not the folder it was created in. Best effort: not
// every system can sync a folder, and the first commit syncs the file.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// inTx runs fn in one immediate (write-locked) transaction and commits it.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.describe(fmt.Errorf("starting a transaction: %w", err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.describe(err)
	}
	if err := tx.Commit(); err != nil {
		return s.describe(fmt.Errorf("committing: %w", err))
	}
	return nil
}

// inReadTx runs fn in a read transaction, so it sees one consistent state.
func (s *Store) inReadTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.describe(fmt.Errorf("starting a read: %w", err))
	}
	defer tx.Rollback()
	return s.describe(fn(tx))
}
