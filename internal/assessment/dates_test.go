package assessment

import (
	"errors"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// C2: "2027-02-30" was "enter a date like 2027-03-31", which does not say
// that the day does not exist.
func TestParseDateSaysWhatIsWrong(t *testing.T) {
	for in, want := range map[string]string{
		"2027-02-30": "February 2027 has 28 days",
		"2028-02-30": "February 2028 has 29 days",
		"2027-04-31": "April 2027 has 30 days",
		"2027-13-01": "has no month 13",
		"2027-00-10": "has no month 0",
		"27-3-1":     "is not a date like 2027-03-31",
		"tomorrow":   "is not a date like 2027-03-31",
	} {
		if _, err := ParseDate(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) = %v, want %q", in, err, want)
		}
	}
	if d, err := ParseDate("2028-02-29"); err != nil || d.Day() != 29 {
		t.Errorf("2028-02-29: %v %v", d, err)
	}
}

// C2: a target date of 2020-01-01 with a start of 2027-06-01 was accepted.
// A start in the past is not refused: work may have started.
func TestTargetDateBeforeStartIsRefused(t *testing.T) {
	for _, c := range []struct{ report, problem string }{
		{`{start_date: "2027-06-01", target_date: "2020-01-01"}`, `a.yaml:2:49: the target date 2020-01-01 is before the start date 2027-06-01`},
		{`{start_date: "2027-02-30"}`, `a.yaml:2:22: start_date "2027-02-30" is not a day: February 2027 has 28 days`},
		{`{start_date: "2019-01-07", target_date: "2019-01-07"}`, ""},
		{`{start_date: "2019-01-07"}`, ""},
		{`{target_date: "2020-01-01"}`, ""},
	} {
		src := "name: Acme\nreport: " + c.report + "\nquestionnaire: mini\n"
		_, err := ParseFile("a.yaml", []byte(src), miniLookup(t), t0)
		if c.problem == "" {
			if err != nil {
				t.Errorf("%s: %v", c.report, err)
			}
			continue
		}
		var ps yamlfile.Problems
		if !errors.As(err, &ps) || len(ps) != 1 || !strings.HasPrefix(ps[0].String(), c.problem) {
			t.Errorf("%s:\n got  %v\n want %s", c.report, err, c.problem)
		}
	}
	if err := (Target{Type: TypeI, StartDate: "2027-06-01", TargetDate: "2020-01-01"}).Check(); err == nil {
		t.Error("Check accepted a target date before the start")
	}
}
