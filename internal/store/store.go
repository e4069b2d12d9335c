// Package store keeps assessments in one SQLite file: the schema and its
// migrations, assessments with the summary the home screen lists, their
// answers, and the history of every answer change. All of gapmap's SQL lives
// here.
//
// # Other writers
//
// Several processes may write one file at once (a TUI, an import, later
// the participants of a workshop), so a screen's copy of an assessment can
// be stale. The store gives a screen what it needs to never write over
// newer data:
//
//   - Identity. Every assessment has a UUID (assessment.Assessment.UUID,
//     Info.UUID) that is never reused; row IDs are, after a delete. Every
//     write names the assessment by UUID and fails with ErrGone, writing
//     nothing, when it no longer exists.
//   - A change probe. Revision(ctx, uuid) reads one indexed row and returns
//     a number that every write to the assessment increases. A screen keeps
//     the Revision it loaded (assessment.Assessment.Revision), polls about
//     once a second while idle, and reloads (LoadUUID) when it differs;
//     ErrGone means the assessment was deleted. Its own writes change the
//     revision too, so a reload after them shows what it already has.
//   - Writes that state what they replace. SaveAnswer and ClearAnswer take
//     the answer as the screen read it; when the stored one differs in
//     value, note, evidence, owner or flag they write nothing and return a
//     *ConflictError carrying the stored answer (Current, Stored). The
//     screen shows both and lets the user choose: keeping the stored one
//     needs no write; keeping its own is the same call again with prev set
//     to Current. Saving an answer equal to the stored one writes nothing.
//
// # Damaged and foreign files
//
// Open and OpenReadOnly refuse a file that is not a gapmap database, is
// damaged, or was written by a newer gapmap, with a *RefusedError, and
// leave it, its -wal and its -shm byte for byte as they were. Before its
// first write a store checks the file's integrity (Verify). A lock another
// process holds for longer than busy_timeout is a *BusyError.
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
	"sync"

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

// temporaryPragmas are pragmas with commits that do not wait for the disk:
// a crash loses the last commits, which OpenTemporary's callers accept.
const temporaryPragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)" +
	"&_pragma=busy_timeout(5000)&_txlock=immediate"

// readPragmas apply to the connections of OpenReadOnly, which must not
// change the journal mode, nor write at all. Their page cache is small
// (256 KiB, not 2 MiB): the read-only commands read each page about once,
// and listing 10,000 assessments spent a fifth of its page faults giving
// every page of the list index a new buffer, where a small cache reuses a
// few.
const readPragmas = "_pragma=busy_timeout(5000)&_pragma=query_only(1)&_pragma=cache_size(-256)"

// readWrite is the mode of a read-only store's connection that may still
// write to the -wal and -shm files (see OpenReadOnly).
const readWrite = "rw"

// Store is an open gapmap database. It is safe for concurrent use.
type Store struct {
	db        *sql.DB
	path, abs string
	// readOnly stores refuse every write; see OpenReadOnly.
	readOnly bool
	// cleanup removes a private copy the store reads from, if any.
	cleanup func()
	// verified guards the integrity check made before the first write.
	verifyMu sync.Mutex
	verified error
	checked  bool
}

// RefusedError is returned by Open for a file it will not open: not a gapmap
// database, damaged, or written by a newer gapmap; the file is left as it
// was. Any method returns it when SQLite finds the file damaged.
type RefusedError struct {
	Path   string
	Reason string
}

func (e *RefusedError) Error() string { return e.Path + " " + e.Reason }

// Open opens the database at path for reading and writing, creating it
// (and its folder) when missing, and migrates it to the newest schema. A
// file that is not a gapmap database, is damaged, or comes from a newer
// gapmap is refused with a *RefusedError, and left byte for byte as it
// was, with its -wal and -shm: the checks read the file's header before
// SQLite opens it, and when a write-ahead log exists they run on a
// private copy of the file and its log. Before its first write the store
// checks the file's integrity (see Verify).
func Open(path string) (*Store, error) {
	return open(path, "")
}

// OpenTemporary is Open for a database that is removed when the program
// ends, such as the demo's: commits are not synced to disk, so nothing
// waits for the disk. Never use it for the user's database.
func OpenTemporary(path string) (*Store, error) {
	return open(path, temporary)
}

// Modes of open and prepareFile besides Open's (""): OpenTemporary's,
// and OpenReadOnly's, which never creates the file.
const (
	temporary = "temporary"
	noCreate  = "no-create"
)

func open(path, mode string) (*Store, error) {
	abs, migs, err := resolve(path)
	if err != nil {
		return nil, err
	}
	if err := prepareFile(path, abs, len(migs), mode); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(abs, mode))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &Store{db: db, path: path, abs: abs}
	if err := s.migrate(context.Background(), migs); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// OpenReadOnly opens an existing database for reading only: it never
// creates, migrates or writes the file, so it works in a read-only folder
// and on a file another gapmap is writing. A missing file is a
// *NoDatabaseError. A file with an older schema is read through a
// private, migrated copy. Refusals are as for Open.
func OpenReadOnly(path string) (*Store, error) {
	abs, migs, err := resolve(path)
	if err != nil {
		return nil, err
	}
	if err := prepareFile(path, abs, len(migs), noCreate); err != nil {
		return nil, err
	}
	st, err := headerState(abs)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.version < int64(len(migs)) || st.appID != applicationID {
		return openCopy(path, abs, migs)
	}
	// A connection that may write the -wal and -shm files (never the
	// database: query_only) cleans them up when it closes, as a writer's
	// does; one opened read-only would leave them behind.
	s, err := openMode(path, abs, readWrite)
	if err != nil {
		s, err = openMode(path, abs, "mode=ro")
	}
	if err != nil && !exists(abs+"-wal") {
		// In a read-only folder SQLite cannot create the -shm file that
		// even a read-only connection needs. With no -wal file at all, no
		// other gapmap has the file open (it could not create its log
		// either), so the file may be read as immutable: with no lock and
		// no log.
		if s2, err2 := openMode(path, abs, "immutable=1"); err2 == nil {
			s, err = s2, nil
		}
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func openMode(path, abs, mode string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(abs, mode))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &Store{db: db, path: path, abs: abs, readOnly: true}
	if _, err := readState(context.Background(), db); err != nil {
		db.Close()
		return nil, s.describe(fmt.Errorf("opening %s: %w", path, err))
	}
	return s, nil
}

// openCopy migrates a private copy of the database and reads from it, so
// that a read-only command can read a file of an older schema (or an empty
// one) without writing to it.
func openCopy(path, abs string, migs []migration) (*Store, error) {
	dir, copyPath, err := privateCopy(abs)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	db, err := sql.Open("sqlite", dsn(copyPath, ""))
	if err != nil {
		cleanup()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &Store{db: db, path: path, readOnly: true, cleanup: cleanup, checked: true}
	if err := s.migrate(context.Background(), migs); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func resolve(path string) (string, []migration, error) {
	if path == "" {
		return "", nil, errors.New("no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, fmt.Errorf("resolving %s: %w", path, err)
	}
	migs, err := loadMigrations()
	if err != nil {
		return "", nil, err
	}
	return abs, migs, nil
}

// Close closes the database; the last connection to close checkpoints the
// write-ahead log into the main file. A store whose file Verify found
// damaged is not closed while a log exists: the checkpoint would write the
// log into the damaged file. Its connections go when the process ends, and
// the log stays as it was.
func (s *Store) Close() error {
	if s.refused() && s.abs != "" && hasWAL(s.abs) {
		return nil
	}
	err := s.db.Close()
	if s.cleanup != nil {
		s.cleanup()
	}
	return err
}

// Path is the path the store was opened with.
func (s *Store) Path() string { return s.path }

// dsn is a file: URI so that any character in the path ('?', '#', '%') is
// escaped rather than read as the start of the parameters.
func dsn(abs, mode string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	u := url.URL{Scheme: "file", Path: p}
	switch mode {
	case "":
		return u.String() + "?" + pragmas
	case temporary:
		return u.String() + "?" + temporaryPragmas
	case readWrite:
		return u.String() + "?mode=rw&" + readPragmas // never create it
	}
	return u.String() + "?" + mode + "&" + readPragmas
}

// prepareFile creates a new database file with owner-only permissions
// (for the modes of Open and OpenTemporary; with noCreate a missing file
// is a *NoDatabaseError), or checks an existing one's header, and its
// write-ahead log's on a private copy, without writing to either.
func prepareFile(path, abs string, newest int, mode string) error {
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		if mode == noCreate {
			return &NoDatabaseError{Path: path}
		}
		if copyTemplate(abs, mode) {
			// Checked as any file found on disk: another process may have
			// created one first.
			return prepareFile(path, abs, newest, noCreate)
		}
		return createFile(abs)
	}
	if err != nil {
		return fmt.Errorf("checking %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return &RefusedError{path, reasonNotRegular}
	}
	if fi.Size() == 0 && !hasWAL(abs) {
		return nil // created by an earlier run that stopped before writing
	}
	if fi.Size() > 0 {
		if err := checkHeader(path, abs, fi.Size(), newest); err != nil {
			return err
		}
	}
	if hasWAL(abs) {
		return probeCopy(path, abs, newest)
	}
	return nil
}

// createFile makes the folder (0700) and an empty file (0600) so SQLite,
// which would honour the umask (often 0644), never creates it readable by
// others; SQLite gives the -wal and -shm files the main file's mode. A
// dangling symbolic link is followed: the file it names is created 0600.
func createFile(abs string) error {
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the database folder: %w", err)
	}
	// No O_EXCL: with it, open refuses to follow a symbolic link, and
	// SQLite would then create the link's target with the umask's mode.
	// Without it, a file another process created first is opened as it is.
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
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
	if s.readOnly && s.cleanup == nil {
		return fmt.Errorf("%s was opened read-only", s.path)
	}
	if err := s.Verify(ctx); err != nil {
		return err
	}
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
