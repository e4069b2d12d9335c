package tui

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// legacyStore opens a copy of the database the 31976ff binary wrote under
// bank 2026.11.
func legacyStore(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gapmap.db")
	in, err := os.Open("../../testdata/legacy/bank-2026.11.db")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	t.Cleanup(prefetches.Wait)
	return st
}

// Opening an assessment answered under bank 2026.11 moves the answers of
// retired questions to their successors on disk, in the store, says what
// moved, and lists the answers kept as no longer asked.
func TestOpeningALegacyAssessmentMovesItsAnswers(t *testing.T) {
	st := legacyStore(t)
	ctx := context.Background()
	const name = "Demo: Northwind Analytics"
	before, err := st.LoadByName(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	moves := map[string]string{
		"access.shared-accounts":      "access.non-personal-accounts",
		"network.egress-restrictions": "network.public-storage-block",
		"network.iac-baselines":       "network.posture-checks",
	}
	for from, to := range moves {
		if _, ok := before.Answers[from]; !ok {
			t.Fatalf("the legacy assessment has no answer to %s", from)
		}
		if _, ok := before.Answers[to]; ok {
			t.Fatalf("the legacy assessment already answers %s", to)
		}
	}

	opts := testOptions(t, st)
	opts.OpenName = name
	tm, f := start(t, New(opts), 120, 40)
	waitFor(t, f, "Bank 2026.12.1: 3 answers moved to their successors, 8 kept as no longer asked; 2 new questions from splits")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))

	final := tm.FinalModel(t).(probe).Model
	results := ansi.Strip(final.results.View(120, 1000))
	for _, want := range []string{"No longer asked in bank 2026.12.1 (8)", "availability.redundancy",
		"New in bank 2026.12.1, split from questions you answered (2)", "Alert on root and break-glass logins"} {
		if !strings.Contains(results, want) {
			t.Errorf("the results screen lacks %q", want)
		}
	}

	after, err := st.LoadByName(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	for from, to := range moves {
		if _, ok := after.Answers[from]; ok {
			t.Errorf("the answer to %s is still stored under it", from)
		}
		if got, want := after.Answers[to], before.Answers[from]; !got.SameContent(want) {
			t.Errorf("%s holds %+v, want the answer of %s, %+v", to, got, from, want)
		}
	}
	if len(after.Answers) != len(before.Answers) {
		t.Errorf("%d answers stored after the upgrade, %d before", len(after.Answers), len(before.Answers))
	}
	history, err := st.History(ctx, after.ID)
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, c := range history {
		if _, ok := moves[c.QuestionID]; ok && c.New == "" && c.Who == "Dana (CTO)" {
			moved++
		}
	}
	if moved != len(moves) {
		t.Errorf("%d moves recorded in the history, want %d", moved, len(moves))
	}

	// The list reads the summary: it counts under the new bank.
	want := assessment.Evaluate(builtin(t), after).Summarize()
	infos, err := st.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range infos {
		if in.Name == name && (in.Summary.Applicable != want.Applicable || in.Summary.Answered != want.Answered) {
			t.Errorf("listed %d/%d, want %d/%d", in.Summary.Answered, in.Summary.Applicable, want.Answered, want.Applicable)
		}
	}
	if bin := os.Getenv("GAPMAP_BIN"); bin != "" {
		cmd := exec.Command(bin, "list")
		cmd.Env = append(os.Environ(), "GAPMAP_DB="+st.Path())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("gapmap list: %v\n%s", err, out)
		}
		if wantText := "(" + strconv.Itoa(want.Answered) + "/" + strconv.Itoa(want.Applicable) + ")"; !strings.Contains(string(out), wantText) {
			t.Errorf("gapmap list shows no %s:\n%s", wantText, out)
		}
	}

	// Opened again, nothing moves: the upgrade is done once.
	if _, err := st.MoveAnswers(ctx, after.UUID, assessment.PlanUpgrade(builtin(t), after).Moved, "again", want); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.LoadByName(ctx, name); again.Revision != after.Revision {
		t.Errorf("a second open wrote: revision %d -> %d", after.Revision, again.Revision)
	}
}

// The accessible mode upgrades an assessment it opens the same way.
func TestAccessibleOpensALegacyAssessmentUpgraded(t *testing.T) {
	st := legacyStore(t)
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		// The demo (listed first, as the latest updated), then stop.
		done <- RunAccessible(context.Background(), testOptions(t, st), &lineReader{"2\n8\n"}, &out)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("the accessible mode did not finish; it printed:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "Bank 2026.12.1: 3 answers moved to their successors") {
		t.Errorf("the upgrade is not told:\n%s", out.String())
	}
	a, err := st.LoadByName(context.Background(), "Demo: Northwind Analytics")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Answers["access.shared-accounts"]; ok || a.Answers["access.non-personal-accounts"].Value == "" {
		t.Errorf("the answers did not move on disk: %+v", a.Answers["access.non-personal-accounts"])
	}
}
