package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

func (a *app) statsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats [ID]",
		Short: "Report a questionnaire's coverage: criteria, ISO controls, facts, words",
		Long: `Report how a questionnaire covers its framework, for reviewers: per criterion
the number of questions and the ones that list it first (where an auditor
would test it); counts per area, severity, evidence kind and work package;
the common audit findings; which questions each scope fact gates, and the
facts that gate nothing; the ISO/IEC 27001:2022 Annex A controls linked (out
of 93), the clauses 4 to 10 covered with their ISMS questions, the
sub-clauses no question references, and the questions per clause; and word
counts per help field.

ID defaults to soc2, or the --questionnaire file's ID. --json prints the same
figures as JSON.`,
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
			st := questionnaire.ComputeStats(qn)
			w := bufio.NewWriter(a.stdout)
			defer w.Flush()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			writeStats(w, qn, st)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func writeStats(w io.Writer, qn *questionnaire.Questionnaire, st questionnaire.Stats) {
	fmt.Fprintf(w, "%s — %s (version %s)\n%d questions; %d of %d criteria covered\n",
		qn.ID, qn.Title, qn.Version, st.Questions, st.Covered, len(st.Criteria))

	fmt.Fprintf(w, "\nCriteria (questions in all; questions that list it first)\n")
	for _, c := range st.Criteria {
		fmt.Fprintf(w, "  %-6s %3d  %d first: %s\n", c.ID, c.Questions, len(c.Primary), orNone(strings.Join(c.Primary, ", ")))
	}
	writeCounts(w, "Areas", st.Areas)
	writeCounts(w, "Severities", st.Severities)
	writeCounts(w, "Evidence kinds", st.Evidence)
	if len(st.Packages) > 0 {
		writeCounts(w, "Work packages", st.Packages)
	}
	fmt.Fprintf(w, "\nCommon audit findings: %d\n  %s\n", len(st.CommonFindings), orNone(strings.Join(st.CommonFindings, ", ")))

	fmt.Fprintf(w, "\nScope facts (questions each one gates)\n")
	for _, f := range questionnaire.FactNames() {
		fmt.Fprintf(w, "  %-18s %3d  %s\n", f, len(st.Facts[f]), strings.Join(st.Facts[f], ", "))
	}
	fmt.Fprintf(w, "  facts that gate nothing: %s\n", orNone(strings.Join(st.UnusedFacts, ", ")))

	fmt.Fprintf(w, "\nISO/IEC 27001:2022\n  Annex A controls linked: %d of %d\n  not linked: %s\n",
		st.ISO.AnnexALinked, st.ISO.AnnexATotal, orNone(strings.Join(st.ISO.NotLinked, ", ")))
	fmt.Fprintf(w, "  clauses 4 to 10 covered: %d of %d (questions in all; ISMS questions)\n", st.ISO.TopCovered, len(st.ISO.TopClauses))
	for _, c := range st.ISO.TopClauses {
		fmt.Fprintf(w, "  clause %-3s %3d  %2d ISMS: %s\n", c.Clause, len(c.Questions), len(c.ISMS), orNone(strings.Join(c.ISMS, ", ")))
	}
	fmt.Fprintf(w, "  sub-clauses no question references: %s\n", orNone(strings.Join(st.ISO.ClausesNotReferenced, ", ")))
	for _, c := range st.ISO.SortedClauses() {
		fmt.Fprintf(w, "  clause %-6s %s\n", c, strings.Join(st.ISO.Clauses[c], ", "))
	}

	fmt.Fprintf(w, "\nWords (mean, longest, limit)\n")
	for _, f := range st.Words.Fields {
		fmt.Fprintf(w, "  %-17s %5.1f  %3d (%s)  %d\n", f.Field, f.Mean, f.Max, f.MaxID, f.Limit)
	}
	fmt.Fprintf(w, "  question and why it matters, all questions: %d words\n", st.Words.ScreenTotal)
}

func writeCounts(w io.Writer, title string, cs []questionnaire.CountStat) {
	fmt.Fprintf(w, "\n%s\n", title)
	for _, c := range cs {
		fmt.Fprintf(w, "  %-18s %3d\n", c.Name, c.Count)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
