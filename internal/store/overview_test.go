package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/assessment"
)

// TestEachOverviewIsListWithoutIdentity: the same assessments in the same
// order with the same fields as List, including an unknown "auditable
// today" and another questionnaire.
func TestEachOverviewIsListWithoutIdentity(t *testing.T) {
	s, _ := openTemp(t)
	ctx := t.Context()
	for i, name := range []string{"B", "A", "C", "D"} {
		a := sample(name)
		a.UpdatedAt = at(i % 2)
		if name == "D" { // between two of soc2 in the order
			a.QuestionnaireID = "custom"
		}
		sum := assessment.Summary{Applicable: 10 + i, Answered: i, Progress: float64(i) / 10, Readiness: 0.25 * float64(i), Auditable: 0.1 * float64(i)}
		if err := s.Create(ctx, a, sum); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`UPDATE assessments SET auditable = NULL WHERE name = 'B'`); err != nil {
		t.Fatal(err)
	}
	infos, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []Overview
	if err := s.EachOverview(ctx, func(o Overview) error { got = append(got, o); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(infos) {
		t.Fatalf("%d overviews, want %d", len(got), len(infos))
	}
	for i, in := range infos {
		want := Overview{Name: in.Name, Organization: in.Organization, QuestionnaireID: in.QuestionnaireID,
			Summary: in.Summary, AuditableKnown: in.AuditableKnown, UpdatedAt: in.UpdatedAt}
		if got[i] != want {
			t.Errorf("overview %d = %+v, want %+v", i, got[i], want)
		}
	}
	if order := got[0].Name + got[1].Name + got[2].Name + got[3].Name; order != "ADBC" ||
		got[1].QuestionnaireID != "custom" || got[2].AuditableKnown {
		t.Errorf("the fixture lost its unknown auditable or its other questionnaire: %+v", got)
	}

	stop := errors.New("enough")
	n := 0
	err = s.EachOverview(ctx, func(Overview) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: %d calls, %v; want 1 call and its error", n, err)
	}
}

// The overview reads the covering index in its order: no table row (each
// holds a few KB of scope) and no sort.
func TestEachOverviewReadsTheListIndexOnly(t *testing.T) {
	s, _ := openTemp(t)
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + overviewQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "; "); got != "SCAN assessments USING COVERING INDEX assessments_list" {
		t.Errorf("query plan: %s", got)
	}
}

// A read-only store reads with a small page cache, which reuses its
// buffers instead of touching new memory for every page of the list; a
// writer keeps SQLite's default, which the app's repeated reads use.
func TestReadersHaveASmallPageCache(t *testing.T) {
	w, path := openTemp(t)
	// Until the log is checkpointed the header shows no schema, and the
	// reader would read a migrated copy, opened as a writer is.
	if _, err := w.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, c := range []struct {
		s    *Store
		want int
	}{{r, -256}, {w, -2000}} {
		var got int
		if err := c.s.db.QueryRow(`PRAGMA cache_size`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("read-only %t: cache_size %d, want %d", c.s.readOnly, got, c.want)
		}
	}
}
