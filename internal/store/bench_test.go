package store

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Targets (DESIGN.md): an answer committed in ≤5 ms, an assessment of 150
// answers loaded in ≤5 ms, the home screen listing 10,000 assessments in
// ≤100 ms.

func BenchmarkSaveAnswer(b *testing.B) {
	s, _ := openTemp(b)
	a := assessment.New("Acme", "soc2", time.Now())
	if err := s.Create(b.Context(), a, assessment.Summary{}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		q := fmt.Sprintf("area.q%03d", i%150)
		// Every save changes the stored answer (its note), so none is
		// skipped as unchanged, and states the one it replaces.
		ans := assessment.Answer{Value: assessment.Values[i%6], Note: fmt.Sprint("n", i), AnsweredBy: "ana", UpdatedAt: time.Now()}
		prev := assessment.Answer{}
		if i >= 150 {
			prev = assessment.Answer{Value: assessment.Values[(i-150)%6], Note: fmt.Sprint("n", i-150)}
		}
		if err := s.SaveAnswer(b.Context(), a.UUID, q, prev, ans, assessment.Summary{Applicable: 150, Answered: i % 150}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkLoad150(b *testing.B) {
	s, _ := openTemp(b)
	a := sample("Acme")
	for i := range 150 {
		a.Answers[fmt.Sprintf("area.q%03d", i)] = assessment.Answer{Value: assessment.Partial,
			Note: "Documented in the wiki; review pending", Owner: "Ana", AnsweredBy: "ana", UpdatedAt: at(i % 60)}
	}
	if err := s.Create(b.Context(), a, sampleSummary); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := s.Load(b.Context(), a.ID)
		if err != nil || len(got.Answers) != len(a.Answers) {
			b.Fatalf("Load: %d answers, %v", len(got.Answers), err)
		}
	}
}

func BenchmarkList10000(b *testing.B) {
	s, _ := openTemp(b)
	fillAssessments(b, s, 10000)
	for b.Loop() {
		infos, err := s.List(b.Context())
		if err != nil || len(infos) != 10000 {
			b.Fatalf("List: %d, %v", len(infos), err)
		}
	}
}

// BenchmarkEachOverview10000 reads what `gapmap list` prints of 10,000
// assessments, a row at a time.
func BenchmarkEachOverview10000(b *testing.B) {
	s, _ := openTemp(b)
	fillAssessments(b, s, 10000)
	for b.Loop() {
		n := 0
		err := s.EachOverview(b.Context(), func(Overview) error { n++; return nil })
		if err != nil || n != 10000 {
			b.Fatalf("EachOverview: %d, %v", n, err)
		}
	}
}

// fillAssessments inserts n assessments with a full setup in one
// transaction through one prepared statement: Create per row would make
// the fixture take longer than the benchmark.
func fillAssessments(b *testing.B, s *Store, n int) {
	b.Helper()
	tx, err := s.db.BeginTx(b.Context(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(b.Context(), `INSERT INTO assessments (`+insertCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
	if err != nil {
		b.Fatal(err)
	}
	base := time.Now()
	for i := range n {
		a := sample(fmt.Sprintf("Client %05d", i))
		a.UpdatedAt = base.Add(-time.Duration(i) * time.Minute)
		args, err := assessmentArgs(a, sampleSummary)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := stmt.ExecContext(b.Context(), append(args, newUUID())...); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkQuickCheck10000 times the integrity check made before a
// process's first write, on the 10,000-assessment database of the
// performance targets with demo-sized assessments: a full scope, 123
// answers with notes, and their history.
func BenchmarkQuickCheck10000(b *testing.B) {
	s, path := openTemp(b)
	fillDemoSized(b, s, 10000)
	if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.quickCheck(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
	// After the loop: b.Loop's first call deletes metrics reported before.
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "MB")
	}
}

// BenchmarkQuickCheck10000WithWAL is the same check when another gapmap
// has the file open, so that it runs on a private copy of the files.
func BenchmarkQuickCheck10000WithWAL(b *testing.B) {
	s, path := openTemp(b)
	fillDemoSized(b, s, 10000)
	other, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	a := sample("Open elsewhere")
	if err := other.Create(b.Context(), a, sampleSummary); err != nil {
		b.Fatal(err)
	}
	if !hasWAL(path) {
		b.Fatal("no -wal")
	}
	for b.Loop() {
		if err := s.quickCheck(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
}

// fillDemoSized inserts n assessments shaped like the demo, each with 123
// answers and one history row per answer, in one transaction.
func fillDemoSized(b *testing.B, s *Store, n int) {
	b.Helper()
	ctx := b.Context()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO assessments (`+insertCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
	if err != nil {
		b.Fatal(err)
	}
	ansStmt, err := tx.PrepareContext(ctx, `INSERT INTO answers (`+answerCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	histStmt, err := tx.PrepareContext(ctx, `INSERT INTO history
		(assessment_id, question_id, old_value, new_value, who, at) VALUES (?, ?, '', ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	base := time.Now()
	for i := range n {
		a := sample(fmt.Sprintf("Client %05d", i))
		a.UpdatedAt = base.Add(-time.Duration(i) * time.Minute)
		args, err := assessmentArgs(a, sampleSummary)
		if err != nil {
			b.Fatal(err)
		}
		res, err := ins.ExecContext(ctx, append(args, newUUID())...)
		if err != nil {
			b.Fatal(err)
		}
		id, _ := res.LastInsertId()
		for q := range 123 {
			qid := fmt.Sprintf("area%02d.question-%03d", q%12, q)
			v := string(assessment.Values[q%6])
			when := formatTime(a.UpdatedAt.Add(time.Duration(q) * time.Second))
			if _, err := ansStmt.ExecContext(ctx, id, qid, v, "Enforced in Google Workspace; not yet on the AWS root account and CI.",
				"", "Dana (CTO)", q%7 == 0, "Dana", when); err != nil {
				b.Fatal(err)
			}
			if _, err := histStmt.ExecContext(ctx, id, qid, v, "Dana", when); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}
