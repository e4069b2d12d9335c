package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

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
	var export string
	var force bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Open a realistic example assessment (a 25-person SaaS on AWS)",
		Long: `Open the example assessment "Demo: Northwind Analytics": a 25-person B2B
SaaS on AWS aiming for a Type II report, with some controls in place, some
without evidence, some missing and a few unknowns. gapmap opens it on the
results screen so you can explore the results, the roadmap and the export
without answering a hundred questions first.

The demo lives in a temporary database of its own, removed when you quit: it
never touches your database, and nothing you change in it is kept.

With --export FILE, write its Markdown roadmap to FILE instead of opening the
interactive program.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if export != "" {
				demo, qn, err := a.loadDemo()
				if err != nil {
					return err
				}
				var buf bytes.Buffer
				if err := report.Markdown(&buf, report.NewInput(qn, demo, now())); err != nil {
					return err
				}
				if err := atomicfile.Write(export, buf.Bytes(), 0o644, force); err != nil {
					return userError{err}
				}
				fmt.Fprintf(a.stderr, "Wrote the demo roadmap to %s\n", export)
				return nil
			}
			if err := a.checkTerminal(); err != nil {
				return err
			}
			go tui.WarmUp()
			s, cleanup, err := openDemoStore()
			if err != nil {
				return err
			}
			defer cleanup()
			// The demo is parsed and imported on the other core while the
			// program sets up the terminal; the program reads the store
			// once that is done (tui.Options.Prepare).
			imported := make(chan error, 1)
			go func() { imported <- a.importDemo(cmd.Context(), s) }()
			prepare := sync.OnceValue(func() error { return <-imported })
			defer prepare() // before cleanup, however the program ends
			err = a.runTUIOn(cmd, demoName, s, prepare)
			if perr := prepare(); perr != nil {
				return perr
			}
			return err
		},
	}
	cmd.Flags().StringVar(&export, "export", "", "write the demo's Markdown roadmap to FILE and exit")
	cmd.Flags().BoolVar(&force, "force", false, "with --export, replace FILE if it exists")
	return cmd
}

// loadDemo parses the built-in demo, upgraded to the current version of
// its questionnaire.
func (a *app) loadDemo() (*assessment.Assessment, *questionnaire.Questionnaire, error) {
	demo, err := assessment.ParseFile("demo.yaml", assets.Demo, a.questionnaireFor, now())
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

// demoName is the name of the built-in demo assessment, which the
// program opens before the demo is parsed.
const demoName = "Demo: Northwind Analytics"

// importDemo parses the demo into the demo's database s.
func (a *app) importDemo(ctx context.Context, s *store.Store) error {
	demo, qn, err := a.loadDemo()
	if err != nil {
		return err
	}
	if demo.Name != demoName {
		return fmt.Errorf("the built-in demo is named %q, not %q", demo.Name, demoName)
	}
	_, err = s.Import(ctx, demo, summarize(qn, demo), "demo", false)
	return err
}

// openDemoStore opens a new temporary database of the demo's own;
// cleanup closes it and removes it.
func openDemoStore() (*store.Store, func(), error) {
	dir, err := os.MkdirTemp("", "gapmap-demo-*")
	if err != nil {
		return nil, nil, fmt.Errorf("creating the demo's database: %w", err)
	}
	s, err := store.OpenTemporary(filepath.Join(dir, "demo.db"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return s, func() { s.Close(); os.RemoveAll(dir) }, nil
}
