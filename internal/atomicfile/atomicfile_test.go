//go:build linux

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// withoutUnnamedOrLinks makes Write act as on a filesystem with neither
// O_TMPFILE nor hard links (FAT, some network and FUSE filesystems).
func withoutUnnamedOrLinks(t *testing.T) {
	t.Helper()
	unnamed, ln := openUnnamed, link
	openUnnamed = func(string) (*os.File, error) { return nil, errUnsupported }
	link = func(old, new string) error { return &os.LinkError{Op: "link", Old: old, New: new, Err: syscall.EPERM} }
	t.Cleanup(func() { openUnnamed, link = unnamed, ln })
}

func withoutUnnamed(t *testing.T) {
	t.Helper()
	unnamed := openUnnamed
	openUnnamed = func(string) (*os.File, error) { return nil, errUnsupported }
	t.Cleanup(func() { openUnnamed = unnamed })
}

var modes = map[string]func(*testing.T){
	"unnamed file":               func(*testing.T) {},
	"named temporary file":       withoutUnnamed,
	"no O_TMPFILE, no hard link": withoutUnnamedOrLinks,
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteCreatesReplacesAndRefuses(t *testing.T) {
	for name, setup := range modes {
		t.Run(name, func(t *testing.T) {
			setup(t)
			dir := t.TempDir()
			path := filepath.Join(dir, "r.md")
			if err := Write(path, []byte("one"), 0o644, false); err != nil {
				t.Fatal(err)
			}
			err := Write(path, []byte("two"), 0o644, false)
			if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "use --force") {
				t.Fatalf("second write without overwrite: %v", err)
			}
			if err := Write(path, []byte("three"), 0o644, true); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != "three" {
				t.Fatalf("content %q", got)
			}
			if names := listDir(t, dir); len(names) != 1 {
				t.Fatalf("left behind: %v", names)
			}
		})
	}
}

// Exports were 0644, readable by every user of the machine.
func TestWriteIsPrivateUnderUmask022(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	for name, setup := range modes {
		t.Run(name, func(t *testing.T) {
			setup(t)
			path := filepath.Join(t.TempDir(), "r.md")
			for _, overwrite := range []bool{false, true} {
				if err := Write(path, []byte("x"), 0o644, overwrite); err != nil {
					t.Fatal(err)
				}
				fi, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != 0o600 {
					t.Fatalf("overwrite=%v: mode %v, want 0600", overwrite, fi.Mode().Perm())
				}
			}
		})
	}
}

// --force replaced FIFOs and devices with regular files.
func TestWriteNeverReplacesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{fifo: "a FIFO", dir: "a folder", "/dev/null": "a character device"}
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o600, 1<<8|3); err == nil {
		targets[dev] = "a character device"
	} else {
		t.Logf("mknod not permitted here (%v); device case covered by /dev/null only", err)
	}
	link := filepath.Join(dir, "to-fifo")
	os.Symlink(fifo, link)
	targets[link] = "a FIFO"
	if fi, err := os.Stat("/dev/stdout"); err == nil && !fi.Mode().IsRegular() {
		targets["/dev/stdout"] = ""
	}
	for path, what := range targets {
		before, _ := os.Lstat(path)
		err := checkTarget(path, true)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), what) || !strings.Contains(err.Error(), "-o -") {
			t.Fatalf("%s: %v", path, err)
		}
		if path == "/dev/null" || path == "/dev/stdout" {
			continue // never risk the real ones with a write
		}
		if err := Write(path, []byte("x"), 0o600, true); !errors.Is(err, ErrNotRegular) {
			t.Fatalf("%s: Write: %v", path, err)
		}
		after, _ := os.Lstat(path)
		if before.Mode() != after.Mode() {
			t.Fatalf("%s changed from %v to %v", path, before.Mode(), after.Mode())
		}
	}
}

func TestWriteReplacesALinkToARegularFileOnlyWithForce(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "t.md"), filepath.Join(dir, "l.md")
	os.WriteFile(target, []byte("old"), 0o600)
	os.Symlink(target, link)
	if err := Write(link, []byte("new"), 0o600, false); !errors.Is(err, ErrExists) {
		t.Fatalf("without force: %v", err)
	}
	if err := Write(link, []byte("new"), 0o600, true); err != nil {
		t.Fatal(err)
	}
}

func TestWriteExplainsAMissingFolder(t *testing.T) {
	err := Write("~/no-such-folder-for-gapmap/r.md", []byte("x"), 0o600, false)
	if err == nil || !strings.Contains(err.Error(), `"~" is expanded by the shell`) {
		t.Fatalf("got %v", err)
	}
	missing := filepath.Join(t.TempDir(), "nope", "r.md")
	err = Write(missing, []byte("x"), 0o600, false)
	if want := missing + ": the folder " + filepath.Dir(missing) + " does not exist"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return cmd.Process.Pid
}

func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	stale := filepath.Join(dir, ".report.md.tmp-"+strconv.Itoa(dead)+"-123")
	live := filepath.Join(dir, ".report.md.tmp-1-456")                           // pid 1 always runs
	foreign := filepath.Join(dir, ".report.md.tmp-"+strconv.Itoa(dead)+"-x.bak") // not ours
	for _, p := range []string{stale, live, foreign} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	if err := Write(filepath.Join(dir, "other.csv"), []byte("x"), 0o600, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale file of dead process %d kept", dead)
	}
	for _, p := range []string{live, foreign} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed", filepath.Base(p))
		}
	}
}

// TestHelperWrite is the process the kill test kills: it pauses inside
// Write, once the data is written and before it is named.
func TestHelperWrite(t *testing.T) {
	dir := os.Getenv("GAPMAP_ATOMICFILE_HELPER")
	if dir == "" {
		t.Skip("run by TestKilledWriteLeavesNoTemporaryFile")
	}
	if os.Getenv("GAPMAP_ATOMICFILE_NAMED") != "" {
		withoutUnnamed(t)
	}
	beforePublish = func() {
		os.WriteFile(filepath.Join(dir, "..", "paused"), nil, 0o600)
		time.Sleep(time.Hour)
	}
	Write(filepath.Join(dir, "report.md"), []byte(strings.Repeat("x", 1<<20)), 0o600, false)
}

// A killed export left hidden .NAME.tmp-* files: 21 files and 300 MB after
// 24 kills. With O_TMPFILE the file has no name until it is complete; without
// it, the next write to the folder removes what the killed process left.
func TestKilledWriteLeavesNoTemporaryFile(t *testing.T) {
	for _, named := range []bool{false, true} {
		name := "unnamed file"
		if named {
			name = "named temporary file"
		}
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "out")
			os.Mkdir(dir, 0o700)
			if !named {
				f, err := openUnnamed(dir)
				if err != nil {
					t.Skipf("no O_TMPFILE here: %v", err)
				}
				f.Close()
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWrite$")
			cmd.Env = append(os.Environ(), "GAPMAP_ATOMICFILE_HELPER="+dir)
			if named {
				cmd.Env = append(cmd.Env, "GAPMAP_ATOMICFILE_NAMED=1")
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			deadline := time.Now().Add(30 * time.Second)
			for {
				if _, err := os.Stat(filepath.Join(root, "paused")); err == nil {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("helper never paused inside Write")
				}
				time.Sleep(10 * time.Millisecond)
			}
			during := listDir(t, dir)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			after := listDir(t, dir)
			if !named {
				if len(during) != 0 || len(after) != 0 {
					t.Fatalf("named files during the write %v, after the kill %v", during, after)
				}
				return
			}
			if len(after) != 1 || !strings.HasPrefix(after[0], ".report.md.tmp-") {
				t.Fatalf("after the kill: %v, want the killed process's temporary file", after)
			}
			if err := Write(filepath.Join(dir, "next.md"), []byte("x"), 0o600, false); err != nil {
				t.Fatal(err)
			}
			if got := listDir(t, dir); len(got) != 1 || got[0] != "next.md" {
				t.Fatalf("after the next write: %v", got)
			}
		})
	}
}

// A folder gapmap cannot write in is named in the error, not the temporary
// file it tried first ("open /proc/.version.tmp-4214-…").
func TestWriteNamesTheFolderNotTheTemporaryFile(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("needs /proc, a folder no one can create files in")
	}
	err := Write("/proc/version", []byte("report"), 0o600, true)
	if err == nil {
		t.Fatal("wrote over /proc/version")
	}
	want := "/proc/version: cannot write a file in /proc: "
	if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("error = %q, want it to start %q and name no temporary file", err, want)
	}
}
