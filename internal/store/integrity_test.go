package store

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// sums are the SHA-256 of a database and its -wal and -shm files; a
// missing file sums to zero.
type sums [3][32]byte

func sumAll(t *testing.T, path string) sums {
	t.Helper()
	var out sums
	for i, ext := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(path + ext); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		out[i] = fileSum(t, path+ext)
	}
	return out
}

// damagePage fills one page of a closed database with garbage.
func damagePage(t *testing.T, path string, page int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int(binary.BigEndian.Uint16(data[offPageSize:]))
	if len(data) < page*size {
		t.Fatalf("the database has %d pages, fewer than %d", len(data)/size, page)
	}
	for i := (page - 1) * size; i < page*size; i++ {
		data[i] = byte(0x5A ^ i)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// historyDatabase is a closed gapmap database with enough answers and
// history that page 10 holds some of them.
func historyDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		a := sample(fmt.Sprintf("Client %02d", i))
		for q := range 60 {
			a.Answers[fmt.Sprintf("area.q%03d", q)] = assessment.Answer{Value: assessment.Partial,
				Note: strings.Repeat("Documented in the wiki. ", 4), AnsweredBy: "ana", UpdatedAt: at(q % 60)}
		}
		mustCreate(t, s, a)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func quickCheckOf(t *testing.T, path string) string {
	t.Helper()
	dir, cp, err := privateCopy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := sql.Open("sqlite", cp)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check(1)`).Scan(&res); err != nil {
		return err.Error()
	}
	return res
}

// Issue 9: with page 10 filled with garbage, import said "Updated" and
// changed the file.
func TestDamagedDatabaseIsNeverWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gapmap.db")
	historyDatabase(t, path)
	damagePage(t, path, 10)
	if res := quickCheckOf(t, path); res == "ok" {
		t.Fatal("the damaged page went unnoticed by integrity_check; damage another page")
	}
	before := sumAll(t, path)
	s, err := Open(path)
	if err == nil {
		a := sample("Client 01")
		_, err = s.Import(t.Context(), a, sampleSummary, "import", false)
		s.Close()
	}
	var refused *RefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "is damaged") {
		t.Errorf("import into a damaged database: %v, want a *RefusedError", err)
	}
	if sumAll(t, path) != before {
		t.Error("the damaged database, its -wal or its -shm changed")
	}
	assertNoSidecars(t, path)
}

func TestVerifyRunsOncePerStore(t *testing.T) {
	s, _ := openTemp(t)
	mustCreate(t, s, sample("Acme"))
	if !s.checked || s.verified != nil {
		t.Fatalf("after the first write: checked %v, %v", s.checked, s.verified)
	}
	// A verdict is kept: a later write does not check again.
	s.verified = &RefusedError{Path: s.path, Reason: "is damaged (test)"}
	if err := s.Create(t.Context(), sample("Beta"), sampleSummary); !errors.Is(err, s.verified) {
		t.Errorf("second write: %v, want the kept verdict", err)
	}
}

// walSnapshot writes a database whose last changes (made by script) exist
// only in its -wal, as a process killed before its last connection closed
// leaves it: the files are copied while the writer still has them open.
func walSnapshot(t *testing.T, path string, base func(*testing.T, string), script string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "live.db")
	if base != nil {
		base(t, src)
	}
	db, err := sql.Open("sqlite", src+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(script); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"", "-wal", "-shm"} {
		if err := copyFile(src+ext, path+ext); err != nil {
			t.Fatal(err)
		}
	}
	if !hasWAL(path) {
		t.Fatal("the changes did not stay in the -wal")
	}
}

// Issue 9: a newer schema or another application's tables that exist only
// in the -wal were refused, then checkpointed into the file on close.
func TestRefusalsInTheWALLeaveEveryFileAlone(t *testing.T) {
	migs, _ := loadMigrations()
	for _, tc := range []struct {
		name   string
		base   func(*testing.T, string)
		script string
		reason string
	}{
		{"newer schema", gapmapDatabase, "PRAGMA user_version = 99; CREATE TABLE future (x)",
			fmt.Sprintf("was written by a newer version of gapmap (schema 99, this build knows up to %d)", len(migs))},
		{"another application's tables", nil, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')",
			"is not a gapmap database (an SQLite database of another application)"},
	} {
		for opener, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
			t.Run(tc.name+"/"+opener, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "gapmap.db")
				walSnapshot(t, path, tc.base, tc.script)
				before := sumAll(t, path)
				s, err := open(path)
				if err == nil {
					s.Close()
					t.Fatal("opened")
				}
				if !strings.Contains(err.Error(), tc.reason) {
					t.Errorf("got %v, want %q", err, tc.reason)
				}
				if sumAll(t, path) != before {
					t.Error("the refused database, its -wal or its -shm changed")
				}
			})
		}
	}
}

// Issue 9: an empty file with user_version=1 was stamped as gapmap's without
// its tables, and every later command failed with "no such table".
func TestEmptyFileWithAUserVersionIsTakenOverWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gapmap.db")
	rawSQLite("PRAGMA user_version = 1")(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, sample("Acme"))
	s.Close()
	s, err = OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if infos, err := s.List(t.Context()); err != nil || len(infos) != 1 {
		t.Errorf("List = %v, %v", infos, err)
	}
}

func TestReadOnlyOpenNeverCreatesOrWrites(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	_, err := OpenReadOnly(missing)
	var none *NoDatabaseError
	if !errors.As(err, &none) || err.Error() != "no gapmap database at "+missing {
		t.Errorf("OpenReadOnly(missing) = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("OpenReadOnly created %v", entries)
	}

	path := filepath.Join(dir, "gapmap.db")
	gapmapDatabase(t, path)
	before := sumAll(t, path)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadByName(t.Context(), "Client 03"); err != nil {
		t.Error(err)
	}
	if err := s.Create(t.Context(), sample("New"), sampleSummary); err == nil {
		t.Error("a read-only store wrote")
	}
	s.Close()
	if sumAll(t, path) != before {
		t.Error("reading changed the database")
	}
	assertNoSidecars(t, path)
}

func TestReadOnlyOpenWorksInAReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only folders")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "gapmap.db")
	gapmapDatabase(t, path)
	os.Chmod(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if infos, err := s.List(t.Context()); err != nil || len(infos) != 20 {
		t.Errorf("List = %d, %v", len(infos), err)
	}
}

func TestHeldWriteLockIsABusyError(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for busy_timeout")
	}
	s, path := openTemp(t)
	mustCreate(t, s, sample("Acme"))
	holder, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE assessments SET revision = revision`); err != nil {
		t.Fatal(err)
	}
	err = s.Create(t.Context(), sample("Beta"), sampleSummary)
	var busy *BusyError
	if !errors.As(err, &busy) || !strings.HasSuffix(err.Error(), "another gapmap is writing to "+path+"; try again") {
		t.Errorf("writing under a held lock: %v", err)
	}
}

// Issue 9: a database created through a dangling symbolic link was 0644.
func TestDatabaseCreatedThroughADanglingLinkIsPrivate(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.db")
	link := filepath.Join(dir, "gapmap.db")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	s, err := Open(link)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, sample("Acme"))
	s.Close()
	fi, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("created through a link: mode %#o, want 0600", fi.Mode().Perm())
	}
}

// A database written by the 31976ff binary (schema 1) opens: read-only
// through a migrated private copy, leaving it as it was, then migrated in
// place by the first writer, with the same UUIDs.
func TestLegacyDatabaseOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bank.db")
	if err := copyFile("../../testdata/legacy/bank-2026.11.db", path); err != nil {
		t.Fatal(err)
	}
	before := sumAll(t, path)
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	infos, err := ro.List(t.Context())
	if err != nil || len(infos) != 2 {
		t.Fatalf("List = %+v, %v", infos, err)
	}
	acme, err := ro.LoadByName(t.Context(), "Acme Cloud readiness")
	if err != nil || len(acme.Answers) == 0 || !ValidUUID(acme.UUID) {
		t.Fatalf("LoadByName = %+v, %v", acme, err)
	}
	ro.Close()
	if sumAll(t, path) != before {
		t.Fatal("reading the old database changed it")
	}
	assertNoSidecars(t, path)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	migrated, err := s.LoadByName(t.Context(), "Acme Cloud readiness")
	if err != nil || migrated.UUID != acme.UUID || len(migrated.Answers) != len(acme.Answers) {
		t.Errorf("after migrating: uuid %q (read-only copy said %q), %v", migrated.UUID, acme.UUID, err)
	}
	ans := assessment.Answer{Value: assessment.No, AnsweredBy: "t"}
	if err := s.SaveAnswer(t.Context(), migrated.UUID, "access.mfa", migrated.Answers["access.mfa"], ans, sampleSummary); err != nil {
		t.Error(err)
	}
}

// A damaged database whose -wal holds changes a killed process left: the
// refused write must not checkpoint the log into the damaged file on close.
func TestDamagedDatabaseKeepsItsLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gapmap.db")
	damaged := func(t *testing.T, p string) {
		historyDatabase(t, p)
		damagePage(t, p, 10)
	}
	walSnapshot(t, path, damaged, "UPDATE assessments SET revision = revision + 1 WHERE id = 1")
	before := sumAll(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Import(t.Context(), sample("Client 01"), sampleSummary, "import", false)
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Errorf("import: %v, want a *RefusedError", err)
	}
	s.Close()
	after := sumAll(t, path)
	if after[0] != before[0] || after[1] != before[1] {
		t.Error("the damaged database or its -wal changed")
	}
}
