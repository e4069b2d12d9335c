package cli

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// The list is written an entry at a time; the bytes must be what one
// json.Encoder with a two-space indent writes for the whole array, which
// scripts may already compare against.
func TestListJSONIsTheEncodersOutput(t *testing.T) {
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	aud := 41
	for _, entries := range [][]listEntry{
		{},
		{{Name: "Acme", Organization: "Acme Inc", Questionnaire: "soc2", Answered: 3, Applicable: 150, Progress: 2, Readiness: 1, UpdatedAt: at}},
		{
			{Name: "Acme \"cloud\" <b>", Questionnaire: "soc2", Auditable: &aud, UpdatedAt: at},
			{Name: "Zeta ✓ 界面", Organization: "Z & co", Questionnaire: "custom", Answered: 150, Applicable: 150, Progress: 100, Readiness: 88, UpdatedAt: at.Add(time.Hour)},
		},
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(entries); err != nil {
			t.Fatal(err)
		}
		if err := writeListJSON(&got, entries); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d entries:\ngot  %q\nwant %q", len(entries), got.String(), want.String())
		}
	}
}
