//go:build unix

package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// D1: a demo killed with -9 left its folder (demo.db, -wal, -shm) in the
// temporary folder for good. The next demo removes the folders of demos
// that no longer run, and no other.
func TestDemoRemovesFoldersOfDemosThatNoLongerRun(t *testing.T) {
	tmp := t.TempDir()
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	mk := func(name string) string {
		p := filepath.Join(tmp, name)
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(p, "demo.db"), []byte("x"), 0o600)
		return p
	}
	stale := mk(fmt.Sprintf("gapmap-demo-%d-123", ended.Process.Pid))
	running := mk(fmt.Sprintf("gapmap-demo-%d-456", os.Getppid()))
	mine := mk(fmt.Sprintf("gapmap-demo-%d-789", os.Getpid()))
	other := mk(fmt.Sprintf("gapmap-demo-x%d-1", ended.Process.Pid))

	s, cleanup, err := openDemoStore(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the folder of a demo that no longer runs is still there")
	}
	for _, p := range []string{running, mine, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
	if s.Path() == "" {
		t.Error("no database")
	}
	entries, _ := os.ReadDir(tmp)
	cleanup()
	after, _ := os.ReadDir(tmp)
	if len(after) != len(entries)-1 {
		t.Errorf("cleanup left its own folder: %d entries before, %d after", len(entries), len(after))
	}
}

// D1: closing the terminal (SIGHUP) killed the demo before it removed its
// folder; now it ends the program's context, as SIGTERM does, and the
// process lives on to clean up.
func TestDemoEndsOnHangUp(t *testing.T) {
	ctx, stop := endOnHangUp(t.Context())
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Skip(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGHUP did not end the demo's context")
	}
}
