package questionnaire_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/scaledata"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// TestChecksInRunsReportAsOneLoop checks that validating and linting a bank
// in runs of questions on several cores reports exactly what one loop over
// the questions reports: the same problems and warnings, in the same order,
// also where two problems share a position.
func TestChecksInRunsReportAsOneLoop(t *testing.T) {
	base, err := scaledata.Bank(1250)
	if err != nil {
		t.Fatal(err)
	}
	// every replaces every k-th occurrence of old with new.
	every := func(data []byte, k int, old, new string) []byte {
		parts := bytes.Split(data, []byte(old))
		var b bytes.Buffer
		for i, p := range parts {
			if i > 0 {
				if i%k == 0 {
					b.WriteString(new)
				} else {
					b.WriteString(old)
				}
			}
			b.Write(p)
		}
		return b.Bytes()
	}
	at := bytes.Index(base, []byte("\nquestions:\n"))
	head, questions := base[:at], base[at:]
	cases := map[string][]byte{
		// Problems found by validation, in every run.
		"invalid": slices.Concat(head, every(every(every(every(questions, 97, "\n      area: ", "\n      area: nowhere-"),
			89, "\n      depends_on: []", "\n      depends_on: [no.such, access.mfa]"),
			83, "\n      title: ", "\n      title: A title that goes on far too long for a label and ends."),
			79, "\n    - id: ", "\n    - id: Access.MFA-")),
		// Lints: words over the limits, dependencies that may not apply,
		// questions asked twice.
		"lints": slices.Concat(head, every(every(every(questions, 61, "\n      text: ", "\n      text: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one "),
			7, "\n      applies_if: personal_data", "\n      applies_if: has_offices and personal_data"),
			41, "\n      criteria:\n        - ", "\n      criteria:\n        - CC1.1\n        - ")),
		"valid": base,
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			loaded := func(procs int) string {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				qn, err := questionnaire.Load("bank.yaml", data)
				var ps yamlfile.Problems
				if errors.As(err, &ps) {
					return fmt.Sprint(len(ps), ps)
				} else if err != nil {
					t.Fatal(err)
				}
				return fmt.Sprint(qn.Warnings, len(qn.Questions))
			}
			want := loaded(1)
			if name != "valid" && !strings.Contains(want, "\n") {
				t.Fatalf("expected several problems, got %s", want)
			}
			for _, procs := range []int{2, 3, 4} {
				if got := loaded(procs); got != want {
					t.Errorf("on %d cores:\n%s\non one:\n%s", procs, got, want)
				}
			}
		})
	}
}
