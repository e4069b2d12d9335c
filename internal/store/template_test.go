package store

import (
	"bytes"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateTemplate = flag.Bool("update-template", false, "rewrite template.db from the migrations")

// migratedFile makes a database the slow way, every migration run on an
// empty file, and returns its path once closed (the log checkpointed).
func migratedFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "migrated.db")
	if err := createFile(path); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path) // an empty file is migrated, not copied
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// schemaOf describes what of a database file the store relies on: every
// table, index and column as declared, the schema version, application
// ID, page size, journal mode, and that the file is sound.
func schemaOf(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, q := range []string{"PRAGMA user_version", "PRAGMA application_id", "PRAGMA page_size", "PRAGMA journal_mode", "PRAGMA integrity_check"} {
		var v string
		if err := db.QueryRow(q).Scan(&v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		fmt.Fprintf(&b, "%s = %s\n", q, v)
	}
	rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, name, tbl, sqlText string
		if err := rows.Scan(&typ, &name, &tbl, &sqlText); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s on %s: %s\n", typ, name, tbl, sqlText)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTemplateIsTheNewestSchema: a new database is a copy of template.db,
// so it must be exactly what the migrations make of an empty file. After
// adding a migration: go test ./internal/store -run TestTemplate -update-template
func TestTemplateIsTheNewestSchema(t *testing.T) {
	migrated := migratedFile(t)
	if *updateTemplate {
		data, err := os.ReadFile(migrated)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("template.db", data, 0o644); err != nil {
			t.Fatal(err)
		}
		template = data
	}
	copied := filepath.Join(t.TempDir(), "copied.db")
	if err := os.WriteFile(copied, template, 0o600); err != nil {
		t.Fatal(err)
	}
	want, got := schemaOf(t, migrated), schemaOf(t, copied)
	if got != want {
		t.Fatalf("template.db is not what the migrations make; run go test ./internal/store -run TestTemplate -update-template\n--- template.db\n%s--- migrations\n%s", got, want)
	}
	if !strings.Contains(want, "PRAGMA journal_mode = wal") || !strings.Contains(want, "PRAGMA integrity_check = ok") {
		t.Fatalf("unexpected schema:\n%s", want)
	}
}

// TestOpenCopiesTheTemplate: a new file starts as the template, byte for
// byte, private, and is a working database.
func TestOpenCopiesTheTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, template) {
		t.Error("a new database is not a copy of template.db")
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	mustCreate(t, s, sample("New"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := schemaOf(t, path), schemaOf(t, migratedFile(t)); got != want {
		t.Fatalf("after a write the schema differs from the migrations':\n%s\n%s", got, want)
	}
}

// TestOpenTemporary: a temporary database is a working copy of the
// template whose commits do not wait for the disk; Open's do.
func TestOpenTemporary(t *testing.T) {
	for _, c := range []struct {
		open func(string) (*Store, error)
		want int // PRAGMA synchronous: 0 OFF, 2 FULL
	}{{OpenTemporary, 0}, {Open, 2}} {
		path := filepath.Join(t.TempDir(), "t.db")
		s, err := c.open(path)
		if err != nil {
			t.Fatal(err)
		}
		var sync int
		if err := s.db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if sync != c.want {
			t.Errorf("synchronous = %d, want %d", sync, c.want)
		}
		mustCreate(t, s, sample("Demo"))
		if got := countRows(t, s, "assessments"); got != 1 {
			t.Errorf("%d assessments, want 1", got)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("stat %v, %v: want a file with mode 0600", fi, err)
		}
	}
}
