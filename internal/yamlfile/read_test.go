package yamlfile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReadFileReadsInPlace checks that a file is read into one buffer of its
// size: growing a buffer as it fills allocated and copied a 7 MB bank
// several times over, which showed in `questionnaire lint`'s time.
func TestReadFileReadsInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bank.yaml")
	want := bytes.Repeat([]byte("  - id: a.b\n"), 4<<20/12)
	if err := os.WriteFile(path, want, 0o600); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, err := ReadFile(path)
	runtime.ReadMemStats(&after)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("read %d bytes, %v", len(got), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(len(want))+64<<10 {
		t.Errorf("reading %d bytes allocated %d", len(want), alloc)
	}
}
