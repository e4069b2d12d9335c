package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/muesli/cancelreader"
	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
	"github.com/gapmap/gapmap/internal/tui"
)

// runTUI opens the interactive assessment, or its accessible line-prompt
// form, on the current assessment named by open (empty for the home screen).
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	return a.openTUI(cmd, "")
}

func (a *app) openTUI(cmd *cobra.Command, open string) error {
	if err := a.checkTerminal(); err != nil {
		return err
	}
	a.pauseGCForStart()
	go tui.WarmUp()
	s, err := a.openStore()
	if err != nil {
		return err
	}
	defer s.Close()
	return a.runTUIOn(cmd, open, s)
}

// checkTerminal refuses to start the interactive program without a
// terminal. The accessible mode reads lines from a person at a terminal
// and may write to anything; the full-screen program needs a terminal for
// both.
func (a *app) checkTerminal() error {
	in, inOK := a.stdin.(*os.File)
	out, outOK := a.stdout.(*os.File)
	if !inOK || !isTerminal(in) || !a.accessible && (!outOK || !isTerminal(out)) {
		return userErrorf("the interactive assessment needs a terminal.\n" +
			"For scripts use the subcommands: gapmap list, import, export, questionnaire; see 'gapmap --help'.")
	}
	return nil
}

// runTUIOn runs the interactive program on the open store s, on the
// assessment named open (empty for the home screen); checkTerminal has
// passed.
func (a *app) runTUIOn(cmd *cobra.Command, open string, s *store.Store) error {
	// Check the file's integrity in the background once the first frame is
	// out (the check reads the whole file, and on two cores it slowed the
	// home screen of 30,000 assessments from about 1.1 s to 2.3 s). A save
	// made before it ends waits for it, so nothing is written unchecked.
	go func(ctx context.Context) {
		select {
		case <-time.After(verifyDelay):
			s.Verify(ctx)
		case <-ctx.Done():
		}
	}(cmd.Context())
	logger, closeLog := openLog()
	defer closeLog()
	opts := tui.Options{
		Store:                s,
		Questionnaire:        a.questionnaireFor,
		DefaultQuestionnaire: "soc2",
		NoColor:              a.colorDisabled(),
		Who:                  defaultWho(),
		OpenName:             open,
		Log:                  logger,
	}
	if a.questionnairePath != "" {
		qn, err := withMemoryBudget(customBankBudget, func() (*questionnaire.Questionnaire, error) { return a.questionnaireFor("") })
		if err != nil {
			return err
		}
		opts.DefaultQuestionnaire = qn.ID
	}
	in := a.stdin.(*os.File) // checkTerminal made sure
	if a.accessible {
		return a.runAccessible(cmd.Context(), opts, in)
	}
	out := a.stdout.(*os.File)
	// Bubble Tea draws on a frame timer, so a frame waits for the next tick:
	// at 120 frames a second (its most) a key's frame and the first frame
	// wait half as long as at the default 60. An idle tick compares the view
	// and writes nothing, but waking for it is not free: idle, the program
	// uses about 3% of a core at 120 (gum, at 60, about 1.5%). At 60 the
	// key → frame p50 rose from 0.7× to 1.05× gum's for 0.3 ms less CPU a
	// key (make bench-tty, README "Performance").
	progOpts := []tea.ProgramOption{tea.WithContext(cmd.Context()), tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(maxFPS)}
	if opts.NoColor {
		progOpts = append(progOpts, tea.WithColorProfile(colorprofile.Ascii))
	}
	logger.Info("starting", "db", s.Path())
	model := tui.New(opts)
	_, err := tea.NewProgram(model, progOpts...).Run()
	// The model's writer is shared by every copy of it: wait for the
	// writes still queued (after a forced quit) before closing the store.
	if ferr := model.Flush(); ferr != nil {
		logger.Error("writes failed at exit", "err", ferr)
		return fmt.Errorf("some changes were not saved: %w", ferr)
	}
	if err != nil {
		logger.Error("program ended", "err", err)
		return fmt.Errorf("the interactive program failed: %w", err)
	}
	return nil
}

// runAccessible runs the line prompts. Their input can be cancelled: a
// prompt still reading when ctrl+c ends the mode would otherwise take the
// terminal's answer to the colour query the error message makes.
func (a *app) runAccessible(ctx context.Context, opts tui.Options, in *os.File) error {
	cr, err := cancelreader.NewReader(in)
	if err != nil {
		return err
	}
	defer cr.Close()
	stop := context.AfterFunc(ctx, func() { cr.Cancel() })
	defer stop()
	err = tui.RunAccessible(ctx, opts, cr, a.stdout)
	cr.Cancel()
	if errors.Is(err, tui.ErrInterrupted) || errors.Is(err, tui.ErrInputEnded) {
		return userError{err}
	}
	return err
}

// verifyDelay leaves the first frames the machine to themselves: nobody
// saves an answer within a quarter of a second of starting.
const verifyDelay = 250 * time.Millisecond

// maxFPS is Bubble Tea's highest frame rate.
const maxFPS = 120

// colorDisabled honours --no-color and the NO_COLOR convention.
func (a *app) colorDisabled() bool {
	return a.noColor || os.Getenv("NO_COLOR") != ""
}

// defaultWho is the initial "who is answering": the login's full name.
func defaultWho() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	if u.Name != "" {
		return u.Name
	}
	return u.Username
}

// openLog opens the log file in the user cache directory; logs never go to
// the screen. Without a cache directory logs are dropped.
func openLog() (*slog.Logger, func()) {
	dir, err := os.UserCacheDir()
	if err == nil {
		dir = filepath.Join(dir, "gapmap")
		err = os.MkdirAll(dir, 0o700)
	}
	if err != nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil)), func() {}
	}
	f, err := os.OpenFile(filepath.Join(dir, "gapmap.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil)), func() {}
	}
	return slog.New(slog.NewTextHandler(f, nil)), func() { f.Close() }
}

// startGCPause is how long the garbage collector waits at the start of the
// interactive program: the first frame is out well before, and the heap is
// then a few MiB. A collection during start-up stopped the world for up to
// 3.6 ms in a trace (the rune-width table's fill is not preemptible) and
// ran mark assists on the goroutines drawing the first frame: the demo's
// first frame was 47.8 / 55.9 ms with it and 45.7 / 48.9 ms without, its
// peak RSS the same (9 interleaved runs).
const startGCPause = 500 * time.Millisecond

// pauseGCForStart turns the garbage collector off for startGCPause, with a
// soft memory limit as a net, and returns what turns it on again early.
// Not with a custom questionnaire, which loads under withMemoryBudget.
func (a *app) pauseGCForStart() (resume func()) {
	if a.questionnairePath != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(startGCLimit)
	resume = sync.OnceFunc(func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	})
	time.AfterFunc(startGCPause, resume)
	return resume
}

// startGCLimit is the heap the runtime may reach while the collector is
// paused before it collects anyway.
const startGCLimit = 64 << 20

// customBankBudget is how much the Go heap may grow while a custom
// questionnaire loads for the interactive program. Parsing a bank of
// thousands of questions makes garbage faster than anything else gapmap
// does; held to a budget over what is live, the collector runs a little
// more often during the load instead of letting the heap double.
const customBankBudget = 12 << 20

// withMemoryBudget runs load with the Go runtime's soft memory limit set to
// what it holds now plus budget, and restores the limit after.
func withMemoryBudget[T any](budget int64, load func() (T, error)) (T, error) {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 {
		held := int64(sample[0].Value.Uint64())
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(held + budget))
	}
	return load()
}
