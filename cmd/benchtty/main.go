// Command benchtty times gapmap where users feel it: the real binary in a
// pseudo-terminal at 120×40 that answers the terminal's queries, side by side
// with `gum choose` in the same interleaved runs. It measures exec → first
// drawn frame, key → redrawn frame (p50 and p99 over the keys of a run) and
// CPU per key (from /proc/PID/stat), and reports the min and median over the
// runs and gapmap's ratio to gum. Run it with `make bench-tty`.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

type config struct {
	gapmap, gum string
	before      string // another gapmap build, measured in the same runs
	runs, keys  int
	// home, if set, is a database the home screen opens on instead of an
	// empty one, and homeMarker the text its first frame shows.
	home, homeMarker string
	// homeArgs are more arguments for the home screen's gapmap, such as
	// --questionnaire FILE.
	homeArgs   string
	rows, cols int
	quiet      time.Duration
	dump       *os.File
}

func main() {
	var cfg config
	var dump string
	flag.StringVar(&cfg.gapmap, "gapmap", "bin/gapmap", "the gapmap binary")
	flag.StringVar(&cfg.gum, "gum", "", "the gum binary (make bench-tty installs a pinned one)")
	flag.StringVar(&cfg.before, "before", "", "an earlier gapmap build to measure in the same runs, for before/after figures")
	flag.IntVar(&cfg.runs, "runs", 5, "interleaved runs")
	flag.IntVar(&cfg.keys, "keys", 200, "keys pressed per run")
	flag.IntVar(&cfg.rows, "rows", 40, "terminal rows")
	flag.IntVar(&cfg.cols, "cols", 120, "terminal columns")
	flag.DurationVar(&cfg.quiet, "quiet", 25*time.Millisecond, "silence that ends a frame")
	flag.StringVar(&dump, "dump", "", "write every output read and every reply to this file")
	flag.StringVar(&cfg.home, "home-db", "", "time the home screen on this database instead of an empty one (with -home-marker)")
	flag.StringVar(&cfg.homeMarker, "home-marker", "", "text the home screen's first frame shows with -home-db")
	flag.StringVar(&cfg.homeArgs, "home-args", "", "more arguments for gapmap on the home screen, such as '--questionnaire bank.yaml'")
	flag.Parse()
	if cfg.gum == "" {
		fmt.Fprintln(os.Stderr, "benchtty: -gum is required (make bench-tty installs a pinned gum)")
		os.Exit(2)
	}
	if dump != "" {
		f, err := os.Create(dump)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchtty:", err)
			os.Exit(1)
		}
		defer f.Close()
		cfg.dump = f
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "benchtty:", err)
		os.Exit(1)
	}
}

// program is one side of the comparison.
type program struct {
	name   string
	argv   []string
	env    []string
	marker string // text on its first real frame
	// prepare, if set, is the key that opens the screen keys are timed on,
	// and the text that screen shows.
	prepare, ready string
	keys           bool
}

// result is one run of one program.
type result struct {
	first           time.Duration
	firstOutput     time.Duration // exec → anything written (the queries)
	peakRSS         int64         // VmHWM before quitting, in bytes
	p50, p99, cpuPK time.Duration
	// idle is the CPU the program uses in a second of doing nothing (its
	// frame timer), and cpuPKNet the CPU per key less that rate over the
	// time the keys took: what the keys themselves cost. Both to the
	// nanosecond (schedstat).
	idle, cpuPKNet time.Duration
}

func run(cfg config) error {
	for _, p := range []*string{&cfg.gapmap, &cfg.gum, &cfg.before, &cfg.home} {
		if *p == "" {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return err
		}
		if _, err := os.Stat(abs); err != nil {
			return err
		}
		*p = abs
	}
	dir, err := os.MkdirTemp("", "benchtty-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	floor := filepath.Join(dir, "floor")
	if out, err := exec.Command("go", "build", "-o", floor, "github.com/gapmap/gapmap/cmd/benchtty/floor").CombinedOutput(); err != nil {
		return fmt.Errorf("building the floor program: %v\n%s", err, out)
	}
	programs := setup(cfg, dir, floor)

	loadBefore := loadavg()
	// One untimed round warms the page cache and creates the databases.
	for _, p := range programs {
		if _, err := measure(cfg, p, min(cfg.keys, 10)); err != nil {
			return fmt.Errorf("%s (warm-up): %w", p.name, err)
		}
	}
	results := map[string][]result{}
	for i := range cfg.runs {
		order := programs
		if i%2 == 1 {
			order = reversed(programs)
		}
		for _, p := range order {
			r, err := measure(cfg, p, cfg.keys)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", p.name, i+1, err)
			}
			results[p.name] = append(results[p.name], r)
		}
		fmt.Fprintf(os.Stderr, "run %d of %d done (load %s)\n", i+1, cfg.runs, loadavg())
	}
	report(os.Stdout, cfg, results, loadBefore, loadavg())
	return nil
}

func setup(cfg config, dir, floor string) []program {
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + filepath.Join(dir, "home"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
	}
	with := func(extra ...string) []string { return append(append([]string{}, env...), extra...) }
	items := make([]string, 30)
	for i := range items {
		items[i] = fmt.Sprintf("item-%02d", i+1)
	}
	gapmap := func(suffix, bin string) []program {
		home := program{name: "gapmap" + suffix, argv: []string{bin}, env: with("GAPMAP_DB=" + filepath.Join(dir, "empty"+suffix+".db")), marker: "Welcome."}
		home.argv = append(home.argv, strings.Fields(cfg.homeArgs)...)
		if cfg.home != "" {
			home.env = with("GAPMAP_DB=" + cfg.home)
			home.marker = cfg.homeMarker
		}
		return []program{
			home,
			{
				name: "gapmap demo" + suffix, argv: []string{bin, "demo"}, env: with("GAPMAP_DB=" + filepath.Join(dir, "demo"+suffix+".db")),
				marker: "Auditable today", prepare: "M", ready: "Roadmap:", keys: true,
			},
		}
	}
	programs := gapmap("", cfg.gapmap)
	programs = append(programs,
		program{name: "gum choose", argv: append([]string{cfg.gum, "choose"}, items...), env: env, marker: "item-01", keys: true},
		program{name: floorInline, argv: append([]string{floor}, items...), env: env, marker: "item-01", keys: true},
		program{name: floorFull, argv: append([]string{floor, "-fullscreen"}, items...), env: env, marker: "item-01", keys: true},
	)
	if cfg.before != "" {
		programs = append(programs, gapmap(beforeSuffix, cfg.before)...)
	}
	return programs
}

const beforeSuffix = " (before)"

// The floor: gum's list drawn by a bare Bubble Tea v2 program
// (cmd/benchtty/floor), inline as gum draws it and in the alternate screen
// as gapmap draws.
const (
	floorInline = "floor"
	floorFull   = "floor -fullscreen"
)

// measure starts p, times its first frame and, for programs with keys,
// alternates ↓ and ↑ so that every key moves the selection.
func measure(cfg config, p program, keys int) (r result, err error) {
	if cfg.dump != nil {
		fmt.Fprintf(cfg.dump, "--- %s\n", p.name)
	}
	s, err := start(p.argv, p.env, cfg.rows, cfg.cols, cfg.dump)
	if err != nil {
		return result{}, err
	}
	defer func() {
		r.peakRSS = s.peakRSS()
		s.stop()
	}()
	at, err := s.waitFor(p.marker, 10*time.Second)
	if err != nil {
		return r, err
	}
	r.first, r.firstOutput = at.Sub(s.started), s.first.Sub(s.started)
	if !p.keys || keys == 0 {
		return r, nil
	}
	if p.prepare != "" {
		if _, err := s.settle(cfg.quiet, 5*time.Second); err != nil {
			return r, err
		}
		_, _ = s.ptmx.WriteString(p.prepare)
		if _, err := s.waitFor(p.ready, 5*time.Second); err != nil {
			return r, err
		}
	}
	// Let the answers to the start-up queries (colours, modes) redraw first.
	if _, err := s.settle(4*cfg.quiet, 5*time.Second); err != nil {
		return r, err
	}
	cpu0, err := s.cpu()
	if err != nil {
		return r, err
	}
	precise0, err := s.cpuPrecise()
	if err != nil {
		return r, err
	}
	wall0 := time.Now()
	lat := make([]time.Duration, 0, keys)
	// Keys come at random moments between frame ticks, as typing does: a
	// fixed pause after each frame would press every key at the same
	// phase of the program's frame timer and measure that phase.
	rng := rand.New(rand.NewPCG(1, uint64(keys)))
	for i := range keys {
		time.Sleep(time.Duration(rng.Int64N(int64(keyJitter))))
		key := "\x1b[B"
		if i%2 == 1 {
			key = "\x1b[A"
		}
		d, err := s.press(key, cfg.quiet)
		if err != nil {
			return r, fmt.Errorf("key %d: %w", i+1, err)
		}
		lat = append(lat, d)
	}
	cpu1, err := s.cpu()
	if err != nil {
		return r, err
	}
	precise1, err := s.cpuPrecise()
	if err != nil {
		return r, err
	}
	wall := time.Since(wall0)
	r.p50, r.p99 = percentile(lat, 50), percentile(lat, 99)
	r.cpuPK = (cpu1 - cpu0) / time.Duration(keys)
	if _, err := s.settle(4*cfg.quiet, 5*time.Second); err != nil {
		return r, err
	}
	idle0, err := s.cpuPrecise()
	if err != nil {
		return r, err
	}
	time.Sleep(idleWindow)
	idle1, err := s.cpuPrecise()
	if err != nil {
		return r, err
	}
	r.idle = (idle1 - idle0) * time.Second / idleWindow
	r.cpuPKNet = (precise1 - precise0 - time.Duration(float64(r.idle)*wall.Seconds())) / time.Duration(keys)
	return r, nil
}

// idleWindow is how long a program is left alone to measure what its
// frame timer costs.
const idleWindow = 1500 * time.Millisecond

// keyJitter spreads key presses over a frame period at 60 frames a second,
// the slowest of the programs compared.
const keyJitter = time.Second / 60

func reversed(ps []program) []program {
	out := make([]program, len(ps))
	for i, p := range ps {
		out[len(ps)-1-i] = p
	}
	return out
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
