package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

func (a *app) questionnaireCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "questionnaire",
		Short: "Validate and inspect questionnaires",
	}
	cmd.AddCommand(a.lintCommand(), a.showCommand(), a.statsCommand())
	return cmd
}

func (a *app) lintCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "lint FILE",
		Short: "Validate a custom questionnaire file",
		Long: `Validate a questionnaire file: its YAML, every field of every question, the
criteria catalog, dependencies (no unknown IDs, no cycles), applies_if
conditions (only known scope facts) and that every criterion is covered; and
the lints: word limits of the question and its help, dependencies that do not
apply wherever their question does, the same control asked twice. A scope fact
that gates no question is a warning.

Each problem is printed as FILE:LINE:COL: message. Exits 0 when the file is
valid, 1 when it has problems.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			qn, err := questionnaire.LoadFile(args[0])
			if err != nil {
				return asUserError(err)
			}
			for _, w := range qn.Warnings {
				fmt.Fprintf(a.stdout, "%s:%d:%d: warning: %s\n", w.File, w.Line, w.Col, w.Msg)
			}
			fmt.Fprintf(a.stdout, "%s: valid questionnaire %q: %d questions in %d areas, %d criteria",
				args[0], qn.ID, len(qn.Questions), len(qn.Areas), len(qn.Criteria))
			if n := len(qn.Warnings); n > 0 {
				fmt.Fprintf(a.stdout, "; warnings: %d", n)
			}
			fmt.Fprintln(a.stdout)
			return nil
		},
	}
}

func (a *app) showCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show [ID]",
		Short: "Print a questionnaire as loaded, with every field",
		Long: `Print a built-in questionnaire (default: soc2), or the one given with
--questionnaire, with every field of every question. --json prints the stable
JSON document described in the README.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			qn, err := a.questionnaireFor(id)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(qn)
			}
			return writeQuestionnaire(a.stdout, qn)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// questionnaireFor resolves a questionnaire ID: the --questionnaire file when
// its ID matches (or no ID is asked), else a built-in one. Empty means the
// default, soc2.
func (a *app) questionnaireFor(id string) (*questionnaire.Questionnaire, error) {
	if a.questionnairePath != "" {
		a.custom.once.Do(func() { a.custom.qn, a.custom.err = questionnaire.LoadFile(a.questionnairePath) })
		qn, err := a.custom.qn, a.custom.err
		if err != nil {
			return nil, asUserError(err)
		}
		if id == "" || id == qn.ID {
			return qn, nil
		}
	}
	if id == "" {
		id = "soc2"
	}
	if !slices.Contains(questionnaire.BuiltinIDs(), id) {
		return nil, userErrorf("no built-in questionnaire %q (built-in: %s)", id, strings.Join(questionnaire.BuiltinIDs(), ", "))
	}
	qn, err := questionnaire.Builtin(id)
	if err != nil {
		return nil, asUserError(err)
	}
	return qn, nil
}

func writeQuestionnaire(w io.Writer, qn *questionnaire.Questionnaire) error {
	fmt.Fprintf(w, "%s — %s (version %s)\n%d questions, %d criteria\n", qn.ID, qn.Title, qn.Version, len(qn.Questions), len(qn.Criteria))
	for _, area := range qn.Areas {
		fmt.Fprintf(w, "\n== %s (%s)\n", area.Title, area.ID)
		for _, q := range qn.Questions {
			if q.Area != area.ID {
				continue
			}
			fmt.Fprintf(w, "\n%s\n  %s\n", q.ID, q.Text)
			fmt.Fprintf(w, "  category: %s  criteria: %s  severity: %s  effort: %s  evidence: %s\n",
				q.Category, orNone(strings.Join(q.Criteria, ", ")), q.Severity, q.Effort, q.Evidence)
			if len(q.DependsOn) > 0 {
				fmt.Fprintf(w, "  depends on: %s\n", strings.Join(q.DependsOn, ", "))
			}
			if q.AppliesIf != "" {
				fmt.Fprintf(w, "  applies if: %s\n", q.AppliesIf)
			}
			if len(q.ISO27001) > 0 {
				fmt.Fprintf(w, "  ISO 27001: %s\n", strings.Join(q.ISO27001, ", "))
			}
			if q.CommonFinding {
				fmt.Fprintln(w, "  common audit finding")
			}
			for _, sec := range q.Help.Sections() {
				text := sec.Text
				if len(sec.Steps) > 0 {
					text = q.Help.NumberedSteps()
				}
				fmt.Fprintf(w, "  %s:\n%s\n", strings.ToLower(sec.Label), indent(text, "    "))
			}
		}
	}
	return nil
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
