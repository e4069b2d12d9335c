package store

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestNewDatabaseIsPrivate(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "data", "gapmap", "gapmap.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCreate(t, s, sample("Acme")) // makes SQLite create the -wal and -shm files
	for p, want := range map[string]os.FileMode{
		filepath.Join(root, "data"):           0o700,
		filepath.Join(root, "data", "gapmap"): 0o700,
		path:                                  0o600,
		path + "-wal":                         0o600,
		path + "-shm":                         0o600,
	} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Error(err)
			continue
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %#o, want %#o", p, got, want)
		}
	}
}

func TestReopenKeepsDataAndStampsHeader(t *testing.T) {
	s, path := openTemp(t)
	mustCreate(t, s, sample("Acme"))
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.LoadByName(t.Context(), "Acme"); err != nil {
		t.Error(err)
	}
	h, err := readHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	migs, _ := loadMigrations()
	if id, v := binary.BigEndian.Uint32(h[offApplicationID:]), binary.BigEndian.Uint32(h[offUserVersion:]); id != applicationID || int(v) != len(migs) {
		t.Errorf("header: application_id %#x, user_version %d; want %#x, %d", id, v, applicationID, len(migs))
	}
}

func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "we?ird #1 %20.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Errorf("database not at %q: %v", path, err)
	}
}

func TestOpenAdoptsEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gapmap.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCreate(t, s, sample("Acme"))
}

func TestOpenRefuses(t *testing.T) {
	migs, _ := loadMigrations()
	for _, tc := range []struct {
		name   string
		make   func(t *testing.T, path string)
		reason string
	}{
		{"text file", writeFile("name: Acme\nanswers: {}\n"),
			"is not a gapmap database (not an SQLite file)"},
		{"short file", writeFile("SQLite"), "is not a gapmap database (not an SQLite file)"},
		{"another application's database", rawSQLite("CREATE TABLE notes (body TEXT)"),
			"is not a gapmap database (an SQLite database of another application)"},
		{"another application id", rawSQLite("PRAGMA application_id = 1234; CREATE TABLE t (x)"),
			"is not a gapmap database (an SQLite database of another application)"},
		{"truncated database", truncatedDatabase, "is damaged: the file is truncated ("},
		{"newer schema", newerDatabase(99), fmt.Sprintf(
			"was written by a newer version of gapmap (schema 99, this build knows up to %d); upgrade gapmap", len(migs))},
	} {
		for opener, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
			t.Run(tc.name+"/"+opener, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "file.db")
				tc.make(t, path)
				before := fileSum(t, path)
				s, err := open(path)
				if err == nil {
					s.Close()
					t.Fatal("Open succeeded")
				}
				var refused *RefusedError
				if !errors.As(err, &refused) || refused.Path != path {
					t.Fatalf("Open = %v (%T), want a *RefusedError for %s", err, err, path)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, path+" "+tc.reason) || strings.Contains(msg, "\n") {
					t.Errorf("message = %q, want %q", msg, path+": "+tc.reason)
				}
				if fileSum(t, path) != before {
					t.Error("the refused file changed")
				}
				assertNoSidecars(t, path)
			})
		}
	}
}

func writeFile(content string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// rawSQLite makes an SQLite database that is not gapmap's.
func rawSQLite(script string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(script); err != nil {
			t.Fatal(err)
		}
	}
}

// gapmapDatabase writes a closed gapmap database with a few pages of data.
func gapmapDatabase(t *testing.T, path string) {
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		mustCreate(t, s, sample(fmt.Sprintf("Client %02d", i)))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertNoSidecars(t, path)
}

func truncatedDatabase(t *testing.T, path string) {
	gapmapDatabase(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

// newerDatabase stamps a gapmap database with a later schema version, as a
// future gapmap would.
func newerDatabase(version uint32) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		gapmapDatabase(t, path)
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], version)
		if _, err := f.WriteAt(b[:], offUserVersion); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDamagedPageIsAnErrorNotAPanic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gapmap.db")
	gapmapDatabase(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(data[offPageSize:]))
	for i := pageSize; i < len(data); i++ { // every page but the header's
		data[i] = 0xA5
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err == nil {
		defer s.Close()
		_, err = s.List(t.Context())
	}
	var refused *RefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "is damaged") {
		t.Errorf("got %v, want a *RefusedError saying the file is damaged", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("GAPMAP_DB", "/srv/gapmap.db")
	if p, err := DefaultPath(); err != nil || p != "/srv/gapmap.db" {
		t.Errorf("with GAPMAP_DB: %q, %v", p, err)
	}
	t.Setenv("GAPMAP_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, err := DefaultPath(); err != nil || p != filepath.Join("/data", "gapmap", "gapmap.db") {
		t.Errorf("with XDG_DATA_HOME: %q, %v", p, err)
	}
	if runtime.GOOS != "linux" {
		return
	}
	t.Setenv("XDG_DATA_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/ana")
	if p, err := DefaultPath(); err != nil || p != "/home/ana/.local/share/gapmap/gapmap.db" {
		t.Errorf("from HOME: %q, %v", p, err)
	}
}

func TestMigrationsAreNumberedFromOne(t *testing.T) {
	migs, err := loadMigrations()
	if err != nil || len(migs) == 0 {
		t.Fatalf("loadMigrations = %d, %v", len(migs), err)
	}
	for i, m := range migs {
		if m.version != i+1 || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d: %s (version %d)", i, m.name, m.version)
		}
	}
}
