package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/sanitize"
)

// newUUID returns a random (version 4) UUID: 122 random bits, so one is
// never given twice, unlike SQLite's row IDs.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// ValidUUID reports whether s is a UUID in its text form (8-4-4-4-12
// hexadecimal digits, in either case); the store keeps them in lower case.
func ValidUUID(s string) bool { return assessment.ValidUUID(strings.ToLower(s)) }

// rowOf returns the row ID of the assessment with that UUID, or ErrGone.
func rowOf(ctx context.Context, tx *sql.Tx, uuid string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE uuid = ?`, uuid).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("assessment %s: %w", uuid, ErrGone)
	}
	if err != nil {
		return 0, fmt.Errorf("looking up assessment %s: %w", uuid, err)
	}
	return id, nil
}

// nameTaken refuses a name equal, without regard to case, to that of
// another assessment than self (a UUID; "" for a new assessment). Names
// that differ only in case and were stored before this rule stay as they
// are; only new and changed names are checked.
func nameTaken(ctx context.Context, tx *sql.Tx, name, self string) error {
	rows, err := tx.QueryContext(ctx, `SELECT name, uuid FROM assessments`)
	if err != nil {
		return fmt.Errorf("checking the name: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var other, uuid string
		if err := rows.Scan(&other, &uuid); err != nil {
			return fmt.Errorf("checking the name: %w", err)
		}
		if uuid != self && assessment.SameName(name, other) {
			return &NameTakenError{Name: name, Existing: other}
		}
	}
	return rows.Err()
}

// findName resolves a name as the user typed it: an exact match first,
// then the NFC form, then one match without regard to case (or to the
// control and invisible characters of an old name). Otherwise a
// *LookupError with the names that match ambiguously or the nearest ones.
func findName(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	for _, n := range []string{name, cleanedOrSelf(name)} {
		err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE name = ?`, n).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("looking up assessment %q: %w", name, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM assessments`)
	if err != nil {
		return 0, fmt.Errorf("looking up assessment %q: %w", name, err)
	}
	defer rows.Close()
	var ids []int64
	var folded, all []string
	for rows.Next() {
		var rid int64
		var n string
		if err := rows.Scan(&rid, &n); err != nil {
			return 0, fmt.Errorf("looking up assessment %q: %w", name, err)
		}
		all = append(all, n)
		// A name stored before names were checked may hold characters
		// no one can type; it is found by the form list shows.
		if assessment.SameName(name, n) || assessment.SameName(name, sanitize.Line(n)) {
			ids, folded = append(ids, rid), append(folded, n)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("looking up assessment %q: %w", name, err)
	}
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		return 0, &LookupError{Name: name, Suggestions: nearest(name, all, 3)}
	}
	slices.Sort(folded)
	return 0, &LookupError{Name: name, Ambiguous: folded}
}

func cleanedOrSelf(name string) string {
	if c, err := assessment.CleanName(name); err == nil {
		return c
	}
	return name
}

// nearest returns up to n names close to name (by edit distance, without
// regard to case), closest first; names that are not close are left out.
func nearest(name string, names []string, n int) []string {
	type cand struct {
		name string
		d    int
	}
	key := []rune(strings.ToLower(name))
	if len(key) > 2*assessment.MaxNameLength {
		return nil
	}
	var cs []cand
	for _, other := range names {
		o := []rune(strings.ToLower(other))
		if len(o) > 2*assessment.MaxNameLength {
			continue // a name stored before the limit: too costly to compare
		}
		d := distance(key, o)
		limit := max(2, min(len(key), len(o))/3)
		if d <= limit || strings.Contains(string(o), string(key)) && len(key) >= 3 {
			cs = append(cs, cand{other, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.name)
	}
	return out
}

// distance is the Levenshtein distance, capped in cost by the names'
// lengths (at most 200 characters each).
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
