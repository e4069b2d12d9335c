package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// migrationFS holds the schema as forward-only steps, NNNN_name.sql,
// numbered from 1 without gaps; PRAGMA user_version is the last step applied.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the embedded migrations in order.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("reading migrations: %w", err)
	}
	migs := make([]migration, 0, len(entries))
	for i, e := range entries {
		num, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %04d", e.Name(), i+1)
		}
		data, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("reading migration %s: %w", e.Name(), err)
		}
		migs = append(migs, migration{version: v, name: e.Name(), sql: string(data)})
	}
	return migs, nil
}

// dbState is what decides whether a database can be opened and migrated.
type dbState struct {
	appID, version, tables int64
}

const stateQuery = `SELECT
	(SELECT application_id FROM pragma_application_id),
	(SELECT user_version FROM pragma_user_version),
	(SELECT count(*) FROM sqlite_schema)`

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readState(ctx context.Context, q queryRower) (dbState, error) {
	var st dbState
	err := q.QueryRowContext(ctx, stateQuery).Scan(&st.appID, &st.version, &st.tables)
	if err != nil {
		return st, fmt.Errorf("reading the schema version: %w", err)
	}
	return st, nil
}

// refusal repeats the header check with what SQLite reports, which also
// covers changes still in the write-ahead log that the header cannot show.
func (st dbState) refusal(path string, newest int) error {
	if st.appID != applicationID && (st.appID != 0 || st.tables > 0) {
		return &RefusedError{Path: path, Reason: reasonOtherApp}
	}
	if st.version > int64(newest) {
		return &RefusedError{Path: path, Reason: fmt.Sprintf(reasonNewer, st.version, newest)}
	}
	return nil
}

// goSteps complete the migration of the same number with what SQL alone
// cannot compute.
var goSteps = map[int]func(context.Context, *sql.Tx) error{
	2: backfillUUIDs,
}

// backfillUUIDs gives each assessment stored before UUIDs existed one
// derived from its row ID, name and creation time (a version 8 UUID from
// their SHA-256). Derived, not random, so that every migration of the same
// file, including that of a private copy made for a read-only command,
// gives the same assessment the same UUID.
func backfillUUIDs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, created_at FROM assessments WHERE uuid = ''`)
	if err != nil {
		return err
	}
	type row struct {
		id            int64
		name, created string
	}
	var todo []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.name, &r.created); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range todo {
		sum := sha256.Sum256(fmt.Appendf(nil, "gapmap assessment\x00%d\x00%s\x00%s", r.id, r.name, r.created))
		u := sum[:16]
		u[6] = u[6]&0x0f | 0x80 // version 8: custom
		u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
		uuid := fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET uuid = ?, revision = 1 WHERE id = ?`, uuid, r.id); err != nil {
			return err
		}
	}
	return nil
}

// migrate brings the schema up to the newest migration in one transaction,
// so a database is always at one version or the next, never in between.
func (s *Store) migrate(ctx context.Context, migs []migration) error {
	st, err := readState(ctx, s.db)
	if err != nil {
		return s.describe(fmt.Errorf("opening %s: %w", s.path, err))
	}
	if err := st.refusal(s.path, len(migs)); err != nil {
		return err
	}
	if st.version == int64(len(migs)) && st.appID == applicationID {
		return nil // the common case takes no write lock
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Another process may have migrated since the read above.
		st, err := readState(ctx, tx)
		if err != nil {
			return err
		}
		if err := st.refusal(s.path, len(migs)); err != nil {
			return err
		}
		from := st.version
		if st.appID != applicationID && st.tables == 0 {
			// An empty file: another tool may have set user_version, but
			// no migration ever ran here, so all of them must.
			from = 0
		}
		for _, m := range migs[from:] {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migrating %s to %s: %w", s.path, m.name, err)
			}
			if step := goSteps[m.version]; step != nil {
				if err := step(ctx, tx); err != nil {
					return fmt.Errorf("migrating %s to %s: %w", s.path, m.name, err)
				}
			}
		}
		stamp := fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", len(migs), applicationID)
		if _, err := tx.ExecContext(ctx, stamp); err != nil {
			return fmt.Errorf("stamping the schema version: %w", err)
		}
		return nil
	})
}

// describe turns SQLite's report of a damaged file into a RefusedError that
// names the file and says what to do, and a lock another process held for
// longer than busy_timeout into a *BusyError; other errors pass through.
func (s *Store) describe(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return &RefusedError{Path: s.path, Reason: fmt.Sprintf(reasonMalformed, se)}
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &BusyError{Path: s.path}
	}
	return err
}

// isUnique reports whether err is a UNIQUE constraint violation.
func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}
