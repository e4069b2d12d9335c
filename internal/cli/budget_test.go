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
