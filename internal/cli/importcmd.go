package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/store"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

func (a *app) importCommand() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Create or update an assessment from an answers file (YAML, JSON or an Excel workbook)",
		Long: `Create an assessment from an answers file, or update the one it describes:
the one with the file's uuid (an exported file has one), or for a file without
a uuid the one with the same name. The whole file is checked first: if anything
is wrong, every problem is printed as FILE:LINE:COL: message, nothing is
changed, and the exit code is 1. The update runs in one transaction and
replaces the assessment's name, scope, categories, report target and answers
with the file's. A file written by 'gapmap export NAME --format json' imports
as it is, and so does a workbook written by --format xlsx (its Summary, Scope
and Answers sheets; problems are printed as FILE:Sheet!Cell: message).

A file whose name belongs to an assessment with another uuid describes a
different assessment: it is refused unless --force, which replaces that
assessment with the file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := yamlfile.ReadFile(args[0])
			if err != nil {
				return userError{err}
			}
			parse := assessment.ParseFile
			if report.IsXLSX(args[0], data) {
				parse = report.ReadXLSX
			}
			as, err := parse(args[0], data, a.questionnaireFor, now())
			if err != nil {
				return asUserError(err)
			}
			qn, err := a.questionnaireFor(as.QuestionnaireID)
			if err != nil {
				return err
			}
			upgrade := assessment.UpgradeInPlace(qn, as)
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			before := storedBefore(cmd.Context(), s, as)
			created, err := s.Import(cmd.Context(), as, summarize(qn, as), "import", force)
			if err != nil {
				return storeError(err)
			}
			verb := "Updated"
			if created {
				verb = "Created"
			}
			overall := assessment.Evaluate(qn, as).Overall
			fmt.Fprintf(a.stdout, "%s %q: %d of %d questions answered, %s\n",
				verb, oneLine(as.Name), overall.Answered, overall.Applicable, scoreFigures(overall))
			if iso := assessment.EvaluateISO(qn, as); iso.Target {
				// The figures above are SOC 2's; the ISO view has its own.
				fmt.Fprintf(a.stdout, "ISO/IEC 27001:2022: %d of %d linked questions answered, %s\n",
					iso.Overall.Answered, iso.Overall.Applicable, scoreFigures(iso.Overall))
			}
			if !created && before != nil {
				// An update replaces the answers with the file's: say what
				// that changed, answers given since the file was made
				// included.
				fmt.Fprintln(a.stdout, answersReplaced(before.Answers, as.Answers))
			}
			writeUpgrade(a.stdout, qn, upgrade)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an assessment of the same name but another uuid")
	return cmd
}

// scoreFigures is "N% of controls in place, M% auditable today", or says
// that nothing is scored yet rather than show 0%.
func scoreFigures(s assessment.Score) string {
	if s.Scored == 0 {
		return "not scored yet (— in place, — auditable today)"
	}
	return fmt.Sprintf("%d%% of controls in place, %d%% auditable today", pct(s.Readiness), pct(s.Auditable))
}

// storedBefore is the assessment an import of as will update, as stored
// before it, or nil: the one with its uuid, else with its name.
func storedBefore(ctx context.Context, s *store.Store, as *assessment.Assessment) *assessment.Assessment {
	var (
		stored *assessment.Assessment
		err    error
	)
	if as.UUID != "" {
		stored, err = s.LoadUUID(ctx, strings.ToLower(as.UUID))
	} else {
		stored, err = s.LoadByName(ctx, as.Name)
	}
	if err != nil {
		return nil
	}
	return stored
}

// answersReplaced says how an import's answers differ from those stored
// before it: changed (value, note, evidence, owner or flag), added, removed.
func answersReplaced(before, after map[string]assessment.Answer) string {
	changed, added, removed := 0, 0, 0
	for q, ans := range after {
		prev, had := before[q]
		switch {
		case !had:
			added++
		case !prev.SameContent(ans):
			changed++
		}
	}
	for q := range before {
		if _, kept := after[q]; !kept {
			removed++
		}
	}
	if changed+added+removed == 0 {
		return "The stored answers were already the file's."
	}
	return fmt.Sprintf("Answers replaced with the file's: %d changed, %d added, %d removed (the file does not have them); each change is in the history.",
		changed, added, removed)
}
