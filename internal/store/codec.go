package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

// timeLayout is RFC 3339 in UTC with all nine fractional digits: exact to
// the nanosecond, so export → import → export round-trips, and fixed-width,
// so ORDER BY on the text is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// setup is the JSON text of an assessment's scope, categories and target:
// they are only ever read and written whole, so they need no columns of
// their own.
type setup struct {
	scope, categories, target string
}

func encodeSetup(a *assessment.Assessment) (setup, error) {
	var st setup
	for _, f := range []struct {
		dst *string
		v   any
	}{{&st.scope, a.Scope}, {&st.categories, a.Categories}, {&st.target, a.Target}} {
		b, err := json.Marshal(f.v)
		if err != nil {
			return st, fmt.Errorf("encoding assessment %q: %w", a.Name, err)
		}
		*f.dst = string(b)
	}
	return st, nil
}

func decodeSetup(a *assessment.Assessment, st setup) error {
	for _, f := range []struct {
		src string
		v   any
	}{{st.scope, &a.Scope}, {st.categories, &a.Categories}, {st.target, &a.Target}} {
		if err := json.Unmarshal([]byte(f.src), f.v); err != nil {
			return fmt.Errorf("decoding assessment %q: %w", a.Name, err)
		}
	}
	return nil
}

// checkAnswer keeps values off the scale out of the database, where every
// reader would have to cope with them.
func checkAnswer(questionID string, ans assessment.Answer) error {
	if questionID == "" {
		return errors.New("an answer needs a question ID")
	}
	if err := ans.Check(); err != nil {
		return fmt.Errorf("answer to %s: %w", questionID, err)
	}
	if err := assessment.CheckNote(ans.Note); err != nil {
		return fmt.Errorf("answer to %s: %w", questionID, err)
	}
	return nil
}

// checkAnswers checks every answer of an assessment before any is stored.
func checkAnswers(answers map[string]assessment.Answer) error {
	for q, ans := range answers {
		if err := checkAnswer(q, ans); err != nil {
			return err
		}
	}
	return nil
}

// sameAnswer reports whether storing b over a would change nothing.
func sameAnswer(a, b assessment.Answer) bool {
	return a.SameContent(b) && a.AnsweredBy == b.AnsweredBy && a.UpdatedAt.Equal(b.UpdatedAt)
}
