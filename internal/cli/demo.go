package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

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
			// The demo is parsed on one core while the other makes its
			// database.
			type loaded struct {
				demo *assessment.Assessment
				qn   *questionnaire.Questionnaire
				err  error
			}
			parsed := make(chan loaded, 1)
			go func() {
				demo, qn, err := a.loadDemo()
				parsed <- loaded{demo, qn, err}
			}()
			s, cleanup, err := openDemoStore()
			l := <-parsed
			if err != nil {
				return err
			}
			defer cleanup()
			if l.err != nil {
				return l.err
			}
			if _, err := s.Import(cmd.Context(), l.demo, summarize(l.qn, l.demo), "demo", false); err != nil {
				return err
			}
			return a.runTUIOn(cmd, l.demo.Name, s)
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
