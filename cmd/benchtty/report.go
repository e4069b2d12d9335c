package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// percentile is the nearest-rank percentile of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100 // ceil(p/100 × n)
	return s[max(rank, 1)-1]
}

// minMedian are the min and the median of one measure over the runs.
type minMedian struct {
	min, median time.Duration
	unit        string // "ms", or "MiB" for sizes held in a Duration's count
}

func summarize(rs []result, get func(result) time.Duration, unit string) minMedian {
	ds := make([]time.Duration, len(rs))
	for i, r := range rs {
		ds[i] = get(r)
	}
	return minMedian{min: percentile(ds, 0), median: percentile(ds, 50), unit: unit}
}

func report(w io.Writer, cfg config, results map[string][]result, loadBefore, loadAfter string) {
	fmt.Fprintf(w, "benchtty: %d interleaved runs, %d keys each, %d×%d; load average %s before, %s after\n\n",
		cfg.runs, cfg.keys, cfg.cols, cfg.rows, loadBefore, loadAfter)
	before := cfg.before != ""
	if before {
		fmt.Fprintln(w, "| measure (min / median) | gapmap before | ratio to gum | gapmap | gum choose | ratio to gum (min / median) |")
		fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	} else {
		fmt.Fprintln(w, "| measure (min / median) | gapmap | gum choose | ratio to gum (min / median) |")
		fmt.Fprintln(w, "| --- | --- | --- | --- |")
	}
	gum := results["gum choose"]
	rows := []struct {
		label, prog string
		get         func(result) time.Duration
		unit        string
		floor       bool
	}{
		{"exec → first output (the queries), empty database", "gapmap", func(r result) time.Duration { return r.firstOutput }, "", false},
		{"exec → first frame, empty database", "gapmap", func(r result) time.Duration { return r.first }, "", false},
		{"exec → first frame, `gapmap demo`", "gapmap demo", func(r result) time.Duration { return r.first }, "", false},
		{"exec → first frame, floor in the full window", floorFull, func(r result) time.Duration { return r.first }, "", true},
		{"key → frame, p50", "gapmap demo", func(r result) time.Duration { return r.p50 }, "", false},
		{"key → frame, p99", "gapmap demo", func(r result) time.Duration { return r.p99 }, "", false},
		{"CPU per key (the roadmap screen)", "gapmap demo", func(r result) time.Duration { return r.cpuPK }, "", false},
		{"CPU per key, floor: gum's list in bare Bubble Tea v2, inline", floorInline, func(r result) time.Duration { return r.cpuPK }, "", true},
		{"CPU per key, floor: the same in the alternate screen, full window", floorFull, func(r result) time.Duration { return r.cpuPK }, "", true},
		{"CPU per second while idle (the frame timer)", "gapmap demo", func(r result) time.Duration { return r.idle }, "", false},
		{"CPU per second while idle, floor in the full window", floorFull, func(r result) time.Duration { return r.idle }, "", true},
		{"CPU per key less the idle rate (the keys' own cost)", "gapmap demo", func(r result) time.Duration { return r.cpuPKNet }, "", false},
		{"CPU per key less the idle rate, floor in the full window", floorFull, func(r result) time.Duration { return r.cpuPKNet }, "", true},
		{"key → frame, p50, floor in the full window", floorFull, func(r result) time.Duration { return r.p50 }, "", true},
		{"peak RSS (VmHWM), empty database", "gapmap", func(r result) time.Duration { return time.Duration(r.peakRSS) }, "MiB", false},
		{"peak RSS (VmHWM), `gapmap demo` after the keys", "gapmap demo", func(r result) time.Duration { return time.Duration(r.peakRSS) }, "MiB", false},
	}
	home := "empty database"
	if cfg.home != "" {
		home = filepath.Base(cfg.home)
	}
	for _, row := range rows {
		row.label = strings.Replace(row.label, "empty database", home, 1)
		if cfg.keys == 0 && strings.HasPrefix(row.label, "key") || cfg.keys == 0 && strings.HasPrefix(row.label, "CPU") {
			continue
		}
		g, p := summarize(results[row.prog], row.get, row.unit), summarize(gum, row.get, row.unit)
		now := fmt.Sprintf("%s | %s | %s / %s", g, p, ratio(g.min, p.min), ratio(g.median, p.median))
		switch {
		case !before:
			fmt.Fprintf(w, "| %s | %s |\n", row.label, now)
		case row.floor:
			// The floor is one program whatever gapmap builds are timed.
			fmt.Fprintf(w, "| %s | — | — | %s |\n", row.label, now)
		default:
			b := summarize(results[row.prog+beforeSuffix], row.get, row.unit)
			fmt.Fprintf(w, "| %s | %s | %s / %s | %s |\n", row.label, b, ratio(b.min, p.min), ratio(b.median, p.median), now)
		}
	}
}

func (m minMedian) String() string {
	if m.unit == "MiB" {
		return fmt.Sprintf("%.1f / %.1f MiB", float64(m.min)/(1<<20), float64(m.median)/(1<<20))
	}
	return fmt.Sprintf("%.1f / %.1f ms", ms(m.min), ms(m.median))
}

func ratio(a, b time.Duration) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}
