package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/assets"
	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/atomicfile"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/store"
	"github.com/gapmap/gapmap/internal/tui"
)

func (a *app) demoCommand() *cobra.Command {
	var export, format string
	var force bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Open a realistic example assessment (a 25-person SaaS on AWS)",
		Long: `Open the example assessment "Demo: Northwind Analytics": a 25-person B2B
SaaS on AWS aiming for a Type II report, with some controls in place, some
without evidence, some missing and a few unknowns. gapmap opens it on the
results screen so you can explore the results, the roadmap and the export
without answering a hundred questions first.

The demo lives in a temporary database of its own, removed when you quit or
close the terminal (one left by a demo that was killed is removed by the next
demo): it never touches your database, and nothing you change in it is kept.

With --export FILE, write its report to FILE instead of opening the
interactive program: in the format FILE's extension names (.md, .json, .csv,
.xlsx or .html), else Markdown, or in the one --format names.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if export != "" {
				return a.exportDemo(export, format, cmd.Flags().Changed("format"), force)
			}
			if cmd.Flags().Changed("format") {
				return userErrorf("--format is for --export FILE")
			}
			if err := a.checkTerminal(); err != nil {
				return err
			}
			ctx, stop := endOnHangUp(cmd.Context())
			defer stop()
			cmd.SetContext(ctx)
			a.pauseGCForStart()
			go tui.WarmUp()
			s, cleanup, err := openDemoStore(os.TempDir())
			if err != nil {
				return err
			}
			defer cleanup()
			return a.runTUIOn(cmd, demoName, s)
		},
	}
	cmd.Flags().StringVar(&export, "export", "", "write the demo's report to FILE and exit")
	cmd.Flags().StringVarP(&format, "format", "f", "", "with --export: "+report.FormatNames(" or ")+"; default: the one FILE's extension names, else md")
	cmd.Flags().BoolVar(&force, "force", false, "with --export, replace FILE if it exists")
	return cmd
}

// exportDemo writes the demo's report to the file path, in the format
// chooseFormat picks.
func (a *app) exportDemo(path, format string, given, force bool) error {
	f, err := chooseFormat(format, given, path)
	if err != nil {
		return err
	}
	demo, qn, err := a.loadDemo(now())
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, report.NewInput(qn, demo, now())); err != nil {
		return err
	}
	if err := atomicfile.Write(path, buf.Bytes(), 0o644, force); err != nil {
		return userError{err}
	}
	fmt.Fprintf(a.stderr, "Wrote the demo's %s to %s\n", f.Title, path)
	return nil
}

// loadDemo parses the built-in demo as answered at the time given,
// upgraded to the current version of its questionnaire.
func (a *app) loadDemo(at time.Time) (*assessment.Assessment, *questionnaire.Questionnaire, error) {
	demo, err := assessment.ParseFile("demo.yaml", assets.Demo, a.questionnaireFor, at)
	if err != nil {
		return nil, nil, fmt.Errorf("the built-in demo does not load: %w", err)
	}
	qn, err := a.questionnaireFor(demo.QuestionnaireID)
	if err != nil {
		return nil, nil, err
	}
	assessment.UpgradeInPlace(qn, demo)
	return demo, qn, nil
}

// The program opens the demo from a database made at build time
// (assets.DemoDB): the demo file parsed as answered at demoTime, with the
// identity demoUUID, and imported. TestDemoDatabaseIsTheDemo checks it and
// makes it again with -update-demo-db. Parsing and importing at each
// start took 10-15 ms before the first frame could be drawn.
const (
	demoName = "Demo: Northwind Analytics"
	demoUUID = "6e6f7274-6877-4e64-a164-656d6f000001"
)

// demoTime is when the demo's workshop took place, before the remediation
// start its file names (2027-01-04).
var demoTime = time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)

// openDemoStore opens a copy of the demo's database in a new folder of
// tmp, private to this run; cleanup closes and removes it. It first
// removes the folders of demos that no longer run (killed with -9).
func openDemoStore(tmp string) (*store.Store, func(), error) {
	removeStaleDemos(tmp)
	dir, err := os.MkdirTemp(tmp, fmt.Sprintf("gapmap-demo-%d-*", os.Getpid()))
	if err != nil {
		return nil, nil, fmt.Errorf("creating the demo's database: %w", err)
	}
	path := filepath.Join(dir, "demo.db")
	if err := os.WriteFile(path, assets.DemoDB, 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, nil, fmt.Errorf("creating the demo's database: %w", err)
	}
	s, err := store.OpenTemporary(path)
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return s, func() { s.Close(); os.RemoveAll(dir) }, nil
}

// endOnHangUp is ctx, cancelled by SIGHUP. Closing the terminal (or tmux
// kill-session) sends SIGHUP, whose default ends the process before the
// demo's folder is removed; this ends the program instead, as SIGTERM does.
func endOnHangUp(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, syscall.SIGHUP)
}

// staleDemo matches the folders openDemoStore makes: gapmap-demo-PID-N.
var staleDemo = regexp.MustCompile(`^gapmap-demo-([0-9]+)-[0-9]+$`)

// removeStaleDemos deletes, from tmp, the demo folders whose process no
// longer runs. Errors are ignored: a folder that cannot be removed now is
// tried again at the next demo.
func removeStaleDemos(tmp string) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := staleDemo.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() {
			continue
		}
		pid, err := strconv.Atoi(m[1])
		if err != nil || pid == os.Getpid() || atomicfile.ProcessRuns(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(tmp, e.Name()))
	}
}
