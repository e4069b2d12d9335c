package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/creack/pty"
)

// chunk is one read of the program's output, and the screen after it.
type chunk struct {
	at     time.Time
	screen string
}

// session is one program running in a pseudo-terminal that answers its
// queries.
type session struct {
	cmd     *exec.Cmd
	ptmx    *os.File
	started time.Time
	chunks  chan chunk
	done    chan struct{}
	screen  string    // the screen after the last read consumed
	first   time.Time // when the program first wrote anything
	dump    *os.File
}

func start(argv, env []string, rows, cols int, dump *os.File) (*session, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	s := &session{cmd: cmd, chunks: make(chan chunk, 4096), done: make(chan struct{}), dump: dump}
	s.started = time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)})
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", argv[0], err)
	}
	s.ptmx = ptmx
	go s.read(newTerminal(rows, cols))
	return s, nil
}

// read answers queries as soon as they arrive, as a terminal does, and
// passes on what was drawn.
func (s *session) read(t *terminal) {
	defer close(s.chunks)
	buf := make([]byte, 64<<10)
	for {
		n, err := s.ptmx.Read(buf)
		at := time.Now()
		if n > 0 {
			replies := t.feed(buf[:n])
			for _, r := range replies {
				_, _ = s.ptmx.WriteString(r)
			}
			if s.dump != nil {
				fmt.Fprintf(s.dump, "%8.3fms out %q\n", ms(at.Sub(s.started)), buf[:n])
				for _, r := range replies {
					fmt.Fprintf(s.dump, "%8.3fms reply %q\n", ms(at.Sub(s.started)), r)
				}
			}
			s.chunks <- chunk{at: at, screen: t.String()}
		}
		if err != nil {
			return
		}
	}
}

var errTimeout = errors.New("timed out")

// waitFor waits until the screen shows marker, and returns when the read
// that drew it arrived.
func (s *session) waitFor(marker string, timeout time.Duration) (time.Time, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		select {
		case c, ok := <-s.chunks:
			if !ok {
				return time.Time{}, fmt.Errorf("the program ended before showing %q; it showed:\n%s", marker, s.screen)
			}
			s.screen = c.screen
			if s.first.IsZero() {
				s.first = c.at
			}
			if strings.Contains(c.screen, marker) {
				return c.at, nil
			}
		case <-deadline.C:
			return time.Time{}, fmt.Errorf("%w waiting for %q; the screen showed:\n%s", errTimeout, marker, s.screen)
		}
	}
}

// settle waits until the program has written nothing for quiet, and returns
// when it last wrote (zero if it wrote nothing).
func (s *session) settle(quiet, timeout time.Duration) (time.Time, error) {
	var last time.Time
	deadline := time.Now().Add(timeout)
	t := time.NewTimer(quiet)
	defer t.Stop()
	for {
		select {
		case c, ok := <-s.chunks:
			if !ok {
				return last, errors.New("the program ended")
			}
			last, s.screen = c.at, c.screen
			if time.Now().After(deadline) {
				return last, fmt.Errorf("%w: the program keeps drawing", errTimeout)
			}
			t.Reset(quiet)
		case <-t.C:
			return last, nil
		}
	}
}

// press sends a key and returns when the frame it caused was drawn: the last
// write before the program went quiet.
func (s *session) press(key string, quiet time.Duration) (time.Duration, error) {
	sent := time.Now()
	if _, err := s.ptmx.WriteString(key); err != nil {
		return 0, err
	}
	if s.dump != nil {
		fmt.Fprintf(s.dump, "%8.3fms key %q\n", ms(sent.Sub(s.started)), key)
	}
	select {
	case c, ok := <-s.chunks:
		if !ok {
			return 0, errors.New("the program ended")
		}
		s.screen = c.screen
		last, err := s.settle(quiet, 2*time.Second)
		if last.IsZero() {
			last = c.at
		}
		return last.Sub(sent), err
	case <-time.After(2 * time.Second):
		return 0, fmt.Errorf("key %q drew nothing in 2 s", key)
	}
}

// cpu is the CPU time the process has used so far (user and system, all
// threads), from /proc/PID/stat, in clock ticks of 10 ms.
func (s *session) cpu() (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	return parseStatCPU(string(data))
}

// cpuPrecise is the CPU time of the process's threads to the nanosecond
// (the sum of /proc/PID/task/*/schedstat), where /proc/PID/stat counts
// in 10 ms ticks: enough over 200 keys, too coarse for a second of idling.
// A Go program keeps its threads, so none of its time is lost with one.
func (s *session) cpuPrecise() (time.Duration, error) {
	dir := fmt.Sprintf("/proc/%d/task", s.cmd.Process.Pid)
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var sum time.Duration
	for _, t := range tasks {
		data, err := os.ReadFile(filepath.Join(dir, t.Name(), "schedstat"))
		if err != nil {
			continue // the thread has just ended
		}
		ns, err := parseSchedstat(string(data))
		if err != nil {
			return 0, err
		}
		sum += ns
	}
	return sum, nil
}

// parseSchedstat reads the first field of a schedstat line: time spent
// on the CPU, in nanoseconds.
func parseSchedstat(line string) (time.Duration, error) {
	f := strings.Fields(line)
	if len(f) == 0 {
		return 0, errors.New("empty schedstat")
	}
	ns, err := strconv.ParseInt(f[0], 10, 64)
	return time.Duration(ns), err
}

// peakRSS is the process's peak resident set (VmHWM), or 0 if unknown.
func (s *session) peakRSS() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// clockTick is USER_HZ, 100 on every Linux architecture Go supports.
const clockTick = 10 * time.Millisecond

func parseStatCPU(stat string) (time.Duration, error) {
	// The command name, in parentheses, may contain spaces: fields count
	// from after its closing parenthesis, where field 3 (state) begins.
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, errors.New("unreadable /proc stat")
	}
	f := strings.Fields(stat[i+1:])
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	return time.Duration(utime+stime) * clockTick, nil
}

// stop quits the program with ctrl+c, and kills it if it does not end.
func (s *session) stop() {
	_, _ = s.ptmx.WriteString("\x03")
	exited := make(chan struct{})
	go func() {
		_ = s.cmd.Wait()
		close(exited)
	}()
	go func() {
		for range s.chunks { // drain, so that the reader never blocks
		}
	}()
	select {
	case <-exited:
	case <-time.After(3 * time.Second):
		_ = s.cmd.Process.Kill()
		<-exited
	}
	_ = s.ptmx.Close()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
