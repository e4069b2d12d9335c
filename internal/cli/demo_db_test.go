package cli

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/store"
)

var updateDemoDB = flag.Bool("update-demo-db", false, "make assets/demo.db again from assets/demo.yaml")

// buildDemoDB makes the demo's database at path the slow way: the demo
// file parsed as answered at demoTime, and imported.
func buildDemoDB(t *testing.T, path string) {
	t.Helper()
	demo, qn, err := (&app{}).loadDemo(demoTime)
	if err != nil {
		t.Fatal(err)
	}
	if demo.Name != demoName {
		t.Fatalf("the demo file names %q, the program opens %q", demo.Name, demoName)
	}
	demo.UUID = demoUUID
	s, err := store.OpenTemporary(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(t.Context(), demo, summarize(qn, demo), "demo", false); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // checkpoints the log into the file
		t.Fatal(err)
	}
}

// dumpDB prints every row of a gapmap database and its schema version.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "schema %d\n", version)
	for _, table := range []string{"assessments", "answers", "history"} {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s:", table)
			for i, c := range cols {
				fmt.Fprintf(&b, " %s=%v", c, vals[i])
			}
			b.WriteString("\n")
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// TestDemoDatabaseIsTheDemo: gapmap demo opens a copy of assets/demo.db,
// which must hold exactly what parsing and importing assets/demo.yaml
// with the current questionnaire and store gives. After changing either:
// go test ./internal/cli -run TestDemoDatabaseIsTheDemo -update-demo-db
func TestDemoDatabaseIsTheDemo(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	buildDemoDB(t, fresh)
	if *updateDemoDB {
		data, err := os.ReadFile(fresh)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../../assets/demo.db", data, 0o644); err != nil {
			t.Fatal(err)
		}
		assets.DemoDB = data
	}
	s, cleanup, err := openDemoStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	want, got := dumpDB(t, fresh), dumpDB(t, path)
	if got != want {
		t.Fatalf("assets/demo.db is not the demo; run go test ./internal/cli -run TestDemoDatabaseIsTheDemo -update-demo-db\n--- demo.db\n%.2000s\n--- demo.yaml imported\n%.2000s", got, want)
	}
	a, err := s.LoadByName(t.Context(), demoName)
	if err != nil || len(a.Answers) < 100 {
		t.Fatalf("the demo's database: %v, %d answers", err, len(a.Answers))
	}
	dir := filepath.Dir(path)
	cleanup()
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the demo's folder %s is still there: %v", dir, err)
	}
}
