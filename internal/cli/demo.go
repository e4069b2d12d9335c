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
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/store"
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
			demo, err := assessment.ParseFile("demo.yaml", assets.Demo, a.questionnaireFor, now())
			if err != nil {
				return fmt.Errorf("the built-in demo does not load: %w", err)
			}
			qn, err := a.questionnaireFor(demo.QuestionnaireID)
			if err != nil {
				return err
			}
			assessment.UpgradeInPlace(qn, demo)
			if export != "" {
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
			dir, err := os.MkdirTemp("", "gapmap-demo-*")
			if err != nil {
				return fmt.Errorf("creating the demo's database: %w", err)
			}
			defer os.RemoveAll(dir)
			path := filepath.Join(dir, "demo.db")
			s, err := store.Open(path)
			if err != nil {
				return err
			}
			_, err = s.Import(cmd.Context(), demo, summarize(qn, demo), "demo", false)
			s.Close()
			if err != nil {
				return err
			}
			return a.openTUIOn(cmd, demo.Name, path)
		},
	}
	cmd.Flags().StringVar(&export, "export", "", "write the demo's Markdown roadmap to FILE and exit")
	cmd.Flags().BoolVar(&force, "force", false, "with --export, replace FILE if it exists")
	return cmd
}
