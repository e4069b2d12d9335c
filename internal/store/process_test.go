package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// The test binary doubles as a writer process when these are set, so the
// tests below can kill a real process that writes through the store.
const (
	childDB     = "GAPMAP_STORE_CHILD"        // database path
	childID     = "GAPMAP_STORE_CHILD_ID"     // assessment ID
	childPrefix = "GAPMAP_STORE_CHILD_PREFIX" // question ID prefix
	childCount  = "GAPMAP_STORE_CHILD_COUNT"  // answers to write
	childStart  = "GAPMAP_STORE_CHILD_START"  // optional: Unix nanoseconds to start writing at
	childPause  = "GAPMAP_STORE_CHILD_PAUSE"  // optional: pause between answers (a duration)
	// childReplace makes the child delete the assessment with this UUID and
	// import another, "Y", as a second gapmap would.
	childReplace = "GAPMAP_STORE_CHILD_REPLACE"
)

// runReplace deletes one assessment and imports another in its own process.
func runReplace(path, uuid string) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Delete(context.Background(), uuid); err != nil {
		return err
	}
	y := assessment.New("Y", "soc2", time.Now())
	y.Answers["access.mfa"] = assessment.Answer{Value: assessment.Yes, Note: "Y's own", UpdatedAt: time.Now()}
	_, err = s.Import(context.Background(), y, assessment.Summary{Answered: 1}, "import", false)
	return err
}

func TestMain(m *testing.M) {
	if uuid := os.Getenv(childReplace); uuid != "" {
		if err := runReplace(os.Getenv(childDB), uuid); err != nil {
			fmt.Fprintln(os.Stderr, "replace:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if path := os.Getenv(childDB); path != "" {
		if err := runWriter(path); err != nil {
			fmt.Fprintln(os.Stderr, "writer:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runWriter saves answers one by one and prints each question ID once
// SaveAnswer has returned: a printed ID is an acknowledged answer.
func runWriter(path string) error {
	id, err := strconv.ParseInt(os.Getenv(childID), 10, 64)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(os.Getenv(childCount))
	if err != nil {
		return err
	}
	prefix := os.Getenv(childPrefix)
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.Load(context.Background(), id)
	if err != nil {
		return err
	}
	if start, err := strconv.ParseInt(os.Getenv(childStart), 10, 64); err == nil {
		time.Sleep(time.Until(time.Unix(0, start)))
	}
	pause, _ := time.ParseDuration(os.Getenv(childPause))
	out := bufio.NewWriter(os.Stdout)
	for i := range n {
		time.Sleep(pause)
		q := fmt.Sprintf("%s.q%04d", prefix, i)
		ans := assessment.Answer{Value: assessment.Values[i%5], AnsweredBy: prefix, UpdatedAt: time.Now()}
		if err := s.SaveAnswer(context.Background(), a.UUID, q, assessment.Answer{}, ans, assessment.Summary{Answered: i + 1}); err != nil {
			return err
		}
		fmt.Fprintln(out, q)
		if err := out.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// startWriter starts a writer process; its stdout yields acknowledged IDs.
func startWriter(t *testing.T, path string, id int64, prefix string, n int, env ...string) (*exec.Cmd, *bufio.Scanner, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childDB+"="+path, childID+"="+strconv.FormatInt(id, 10),
		childPrefix+"="+prefix, childCount+"="+strconv.Itoa(n))
	cmd.Env = append(cmd.Env, env...)
	stderr := &bytes.Buffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(stdout), stderr
}

// newFixture creates a database with one empty assessment and closes it.
func newFixture(t *testing.T) (path string, id int64) {
	s, path := openTemp(t)
	a := assessment.New("Acme", "soc2", time.Now())
	mustCreate(t, s, a)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, a.ID
}

func TestKillLosesNoAcknowledgedAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path, id := newFixture(t)
	for round := range 3 {
		ackAfter := 20 + rand.IntN(181)
		cmd, acks, stderr := startWriter(t, path, id, fmt.Sprintf("r%d", round), 100000)
		var acked []string
		for len(acked) < ackAfter && acks.Scan() {
			acked = append(acked, acks.Text())
		}
		// Land the kill anywhere inside the next transaction.
		time.Sleep(time.Duration(rand.IntN(2000)) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for acks.Scan() { // printed before the kill landed: acknowledged too
			acked = append(acked, acks.Text())
		}
		cmd.Wait()
		if len(acked) < ackAfter {
			t.Fatalf("round %d: writer stopped after %d answers: %s", round, len(acked), stderr)
		}
		checkAfterKill(t, path, id, acked)
		t.Logf("round %d: killed after %d acknowledged answers", round, len(acked))
	}
}

func checkAfterKill(t *testing.T, path string, id int64, acked []string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("reopening after the kill: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	a := mustLoad(t, s, id)
	for _, q := range acked {
		if _, ok := a.Answers[q]; !ok {
			t.Errorf("acknowledged answer %s lost", q)
		}
	}
}

func TestConcurrentWritersLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path, id := newFixture(t)
	const each = 100
	// Both start writing at the same instant, whatever their start-up time,
	// and pause between answers as people do, so each has to wait for the
	// other's write lock again and again.
	start := childStart + "=" + strconv.FormatInt(time.Now().Add(300*time.Millisecond).UnixNano(), 10)
	pause := childPause + "=200us"
	var wg sync.WaitGroup
	for _, prefix := range []string{"left", "right"} {
		cmd, acks, stderr := startWriter(t, path, id, prefix, each, start, pause)
		wg.Go(func() {
			n := 0
			for acks.Scan() {
				n++
			}
			if err := cmd.Wait(); err != nil || n != each {
				t.Errorf("writer %s: %v after %d answers: %s", prefix, err, n, stderr)
			}
			if strings.Contains(stderr.String(), "locked") || strings.Contains(stderr.String(), "SQLITE_BUSY") {
				t.Errorf("writer %s: %s", prefix, stderr)
			}
		})
	}
	wg.Wait()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := mustLoad(t, s, id)
	hist, _ := s.History(t.Context(), id)
	if len(a.Answers) != 2*each || len(hist) != 2*each {
		t.Errorf("%d answers and %d history rows, want %d of each", len(a.Answers), len(hist), 2*each)
	}
	switches := 0
	for i := 1; i < len(hist); i++ {
		if hist[i].Who != hist[i-1].Who {
			switches++
		}
	}
	t.Logf("the writers took turns %d times", switches)
	for _, prefix := range []string{"left", "right"} {
		for i := range each {
			if _, ok := a.Answers[fmt.Sprintf("%s.q%04d", prefix, i)]; !ok {
				t.Errorf("answer %s.q%04d lost", prefix, i)
			}
		}
	}
}

// The attack of issue 9 across two processes: a TUI open on X; another
// process deletes X and imports Y, which gets X's row ID; the TUI's save
// must fail, not land in Y.
func TestSaveAfterAnotherProcessReplacedTheAssessment(t *testing.T) {
	s, path := openTemp(t)
	x := assessment.New("X", "soc2", time.Now())
	mustCreate(t, s, x)
	shown := mustLoad(t, s, x.ID)

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childDB+"="+path, childReplace+"="+x.UUID)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the other process: %v: %s", err, out)
	}
	y, err := s.LoadByName(t.Context(), "Y")
	if err != nil {
		t.Fatal(err)
	}
	if y.ID != x.ID {
		t.Logf("Y got row %d, X had %d", y.ID, x.ID)
	}
	ans := assessment.Answer{Value: assessment.No, Note: "from the TUI", AnsweredBy: "tui"}
	err = s.SaveAnswer(t.Context(), shown.UUID, "access.mfa", shown.Answers["access.mfa"], ans, assessment.Summary{})
	if !errors.Is(err, ErrGone) {
		t.Errorf("the TUI's save: %v, want ErrGone", err)
	}
	if got, _ := s.LoadByName(t.Context(), "Y"); got.Answers["access.mfa"].Note != "Y's own" {
		t.Errorf("Y's answer is now %+v", got.Answers["access.mfa"])
	}
}
