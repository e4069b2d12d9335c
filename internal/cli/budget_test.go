package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestMemoryBudgetHoldsTheLoadAndIsLiftedAfter(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	var during int64
	got, err := withMemoryBudget(12<<20, func() (int, error) {
		during = debug.SetMemoryLimit(-1) // -1 reads the limit
		return 7, nil
	})
	if err != nil || got != 7 {
		t.Fatalf("withMemoryBudget returned %d, %v; want load's result", got, err)
	}
	if during == math.MaxInt64 || during < 12<<20 || during > 1<<30 {
		t.Errorf("the limit during the load was %d; want what the runtime held plus 12 MiB", during)
	}
	if after := debug.SetMemoryLimit(-1); after != math.MaxInt64 {
		t.Errorf("the limit after the load is %d; want it restored (no limit)", after)
	}
}

// The interactive program starts with the collector off and a 64 MiB net,
// and both come back as they were; with a custom questionnaire, which
// loads under its own budget, nothing changes.
func TestPauseGCForStart(t *testing.T) {
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)

	resume := (&app{}).pauseGCForStart()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent while paused: %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != startGCLimit {
		t.Errorf("memory limit while paused: %d, want %d", got, startGCLimit)
	}
	resume()
	resume() // the timer's call after an early one changes nothing
	if got := debug.SetGCPercent(percent); got != percent {
		t.Errorf("GC percent after: %d, want %d", got, percent)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit after: %d, want %d", got, limit)
	}

	(&app{questionnairePath: "bank.yaml"}).pauseGCForStart()
	if got := debug.SetGCPercent(percent); got != percent {
		t.Errorf("with a custom questionnaire the GC percent became %d", got)
	}
}
