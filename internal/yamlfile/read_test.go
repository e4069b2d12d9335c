package yamlfile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// TestUseFileSurvivesAFileCutShort cuts a mapped file short while it is
// read: touching the lost pages is an error, not a crash.
func TestUseFileSurvivesAFileCutShort(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bank.yaml")
	if err := os.WriteFile(path, bytes.Repeat([]byte("  - id: a.b\n"), 2*mapSize/12), 0o600); err != nil {
		t.Fatal(err)
	}
	var last byte
	err := useFile(path, func(data []byte) {
		if err := os.Truncate(path, 0); err != nil {
			t.Fatal(err)
		}
		last = data[len(data)-1]
	})
	if runtime.GOOS == "linux" && err == nil {
		t.Fatalf("read %q from a mapped file cut short", last)
	}
	if err != nil && !strings.Contains(err.Error(), "the file changed while it was read") {
		t.Fatalf("got %v", err)
	}
}

func TestUseFileReadsSmallAndLargeFiles(t *testing.T) {
	for _, size := range []int{0, 100, mapSize + 1} {
		path := filepath.Join(t.TempDir(), "f.yaml")
		want := bytes.Repeat([]byte("x"), size)
		if err := os.WriteFile(path, want, 0o600); err != nil {
			t.Fatal(err)
		}
		var got []byte
		if err := useFile(path, func(data []byte) { got = bytes.Clone(data) }); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("size %d: read %d bytes, %v", size, len(got), err)
		}
	}
	if err := useFile(filepath.Join(t.TempDir(), "missing.yaml"), func([]byte) {}); err == nil {
		t.Fatal("a missing file was read")
	}
}

// A folder given for a file is named as one, not left to the read error
// ("read X: is a directory").
func TestReadFileRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadFile(dir)
	if err == nil || err.Error() != dir+" is a folder, not a file" {
		t.Fatalf("ReadFile(folder) = %v", err)
	}
}
