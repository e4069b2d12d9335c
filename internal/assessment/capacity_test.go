package assessment

import (
	"errors"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// C11: capacity 1e9 with a headcount of 25 planned "0.75 person-weeks for
// 1000000000 people". A capacity over the headcount, or over MaxCapacity
// when the headcount is not known, is refused at the value's line and
// column; 0 and missing are "not given" (one person), as documented.
func TestCapacityIsCheckedAgainstHeadcount(t *testing.T) {
	for _, c := range []struct{ scope, problem string }{
		{"{headcount: 25, capacity: 1e9}", "a.yaml:2:34: capacity is 1000000000 people but the headcount is 25"},
		{"{headcount: 25, capacity: 25.5}", "a.yaml:2:34: capacity is 25.5 people but the headcount is 25"},
		{"{capacity: 20000}", "a.yaml:2:19: capacity is 20000 people, more than 10000"},
		{"{capacity: -1}", "a.yaml:2:19: capacity must not be negative"},
		{"{headcount: 25, capacity: 25}", ""},
		{"{headcount: 25, capacity: 0}", ""},
		{"{capacity: 1.5}", ""},
		{"{organization: Acme}", ""},
	} {
		src := "name: Acme\nscope: " + c.scope + "\nquestionnaire: mini\n"
		a, err := ParseFile("a.yaml", []byte(src), miniLookup(t), t0)
		if c.problem == "" {
			if err != nil {
				t.Errorf("%s: %v", c.scope, err)
			} else if a.Scope.EffectiveCapacity() < 1 && a.Scope.Capacity != 0 {
				t.Errorf("%s: capacity %v", c.scope, a.Scope.Capacity)
			}
			continue
		}
		var ps yamlfile.Problems
		if !errors.As(err, &ps) || len(ps) != 1 || !strings.HasPrefix(ps[0].String(), c.problem) {
			t.Errorf("%s:\n got  %v\n want %s", c.scope, err, c.problem)
		}
	}
}

func TestCheckCapacity(t *testing.T) {
	for _, c := range []struct {
		capacity  float64
		headcount int
		ok        bool
	}{
		{0, 0, true}, {1.5, 0, true}, {25, 25, true}, {MaxCapacity, 0, true},
		{26, 25, false}, {MaxCapacity + 1, 0, false}, {-0.5, 10, false},
	} {
		if err := CheckCapacity(c.capacity, c.headcount); (err == nil) != c.ok {
			t.Errorf("CheckCapacity(%v, %d) = %v", c.capacity, c.headcount, err)
		}
	}
}
