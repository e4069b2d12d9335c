package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
)

func TestRename(t *testing.T) {
	ctx := context.Background()
	st, err := Open(filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := assessment.New("Acme", "soc2", time.Now())
	b := assessment.New("Globex", "soc2", time.Now())
	for _, x := range []*assessment.Assessment{a, b} {
		if err := st.Create(ctx, x, assessment.Summary{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Rename(ctx, a.UUID, "Acme 2027"); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Load(ctx, a.ID); err != nil || got.Name != "Acme 2027" {
		t.Fatalf("after rename: %v %v", got, err)
	}
	if err := st.Rename(ctx, a.UUID, "Globex"); !errors.Is(err, ErrExists) {
		t.Errorf("renaming to a taken name: %v, want ErrExists", err)
	}
	if err := st.Delete(ctx, b.UUID); err != nil {
		t.Fatal(err)
	}
	if err := st.Rename(ctx, b.UUID, "Nobody"); !errors.Is(err, ErrGone) {
		t.Errorf("renaming a deleted assessment: %v, want ErrGone", err)
	}
}
