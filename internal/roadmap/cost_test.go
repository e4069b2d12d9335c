package roadmap

import (
	"math/rand/v2"
	"testing"
)

// TestPackageNeverCostsMoreThanItsMembersAlone: whatever the setup and the
// members, a package costs at most its members costed one by one, and at
// least the marginal share of them.
func TestPackageNeverCostsMoreThanItsMembersAlone(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 10000 {
		setup := r.Float64() * 3
		alone := 0.0
		for range r.IntN(12) {
			alone += []float64{0.125, 0.25, 0.5, 1, 2, 5}[r.IntN(6)]
		}
		got := packageWeeks(setup, alone)
		if got > alone+1e-12 || got < MarginalFactor*alone-1e-12 {
			t.Fatalf("setup %v, alone %v: together %v", setup, alone, got)
		}
	}
}

func TestSetupWeeksAreSmall(t *testing.T) {
	for id, w := range SetupWeeks {
		if w <= 0 || w > 2 {
			t.Errorf("package %s setup %v person-weeks: the reference gives days to two weeks", id, w)
		}
	}
}
