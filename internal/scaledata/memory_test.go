package scaledata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// TestLoadedBankIsCompact checks what a 5,000-question bank keeps in memory
// once loaded: its texts (4.6 MB) and its questions, 7.8 MiB in all; not
// their positions in the file (1.5 MiB more), the file's bytes or the
// parser's nodes. The TUI holds it for the whole session, under a peak RSS
// target of 40 MiB.
func TestLoadedBankIsCompact(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 7 MB bank")
	}
	path := filepath.Join(t.TempDir(), "bank.yaml")
	if err := os.WriteFile(path, bankData(t, 5000), 0o600); err != nil {
		t.Fatal(err)
	}
	banks.Clear()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	qn, err := questionnaire.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
	t.Logf("a loaded bank of %d questions keeps %.1f MiB", len(qn.Questions), kept)
	if kept > 8.5 {
		t.Errorf("a loaded bank of 5,000 questions keeps %.1f MiB, want at most 8.5", kept)
	}
	runtime.KeepAlive(qn)
}
