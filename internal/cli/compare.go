package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/report"
)

// compareFormats maps a comparison format to its writer.
var compareFormats = map[string]func(*bytes.Buffer, report.CompareInput) error{
	"md":   func(b *bytes.Buffer, in report.CompareInput) error { return report.CompareMarkdown(b, in) },
	"json": func(b *bytes.Buffer, in report.CompareInput) error { return report.CompareJSON(b, in) },
}

func (a *app) compareCommand() *cobra.Command {
	var format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "compare OLD NEW",
		Short: "Show what changed between two assessments, such as last quarter's and this one",
		Long: `Compare two assessments of the same questionnaire, found by name: readiness
overall and by category before and after, progress, open gaps by severity, and
every question whose answer changed, grouped as closed or improved (smaller
gap), regressed (larger gap) and other changes (to or from not applicable,
answered for the first time, no longer answered). Questions that do not apply
to NEW are left out. Formats:
  md    a Markdown report (default)
  json  the same, for scripts; the keys are documented in the README

Without --format, the format is the one -o FILE's extension names (.md or
.json), else md; a file ending in another format's extension (.xlsx, .csv,
.html), or a --format that contradicts the extension, is refused.

Without -o the comparison goes to standard output. With -o it is written
atomically, and an existing file is never replaced unless --force is given.`,
		Example: `  gapmap compare "Northwind — Q1 2027" "Northwind — Q2 2027"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := compareFormat(format, cmd.Flags().Changed("format"), out)
			if err != nil {
				return err
			}
			write, ok := compareFormats[format]
			if !ok {
				return userErrorf("unknown format %q (expected md or json)", format)
			}
			data, err := a.renderComparison(cmd, args[0], args[1], write)
			if err != nil {
				return err
			}
			return a.emit(data, out, force)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "md", "md or json")
	outputFlags(cmd, &out, &force)
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// compareFormat is the comparison's format for -o path, as chooseFormat
// picks an export's; the comparison has only md and json.
func compareFormat(named string, given bool, path string) (string, error) {
	byExt, known := report.Format{}, false
	if path != "" && path != "-" {
		byExt, known = report.FormatForFile(path)
	}
	switch {
	case !known:
		return named, nil
	case compareFormats[byExt.Ext] == nil:
		return "", userErrorf("%s ends in .%s, but a comparison is written as md or json; nothing was written", path, byExt.Ext)
	case !given:
		return byExt.Ext, nil
	case named != byExt.Ext:
		return "", userErrorf("%s ends in .%s, but --format %s writes .%s: change the file name or the format; nothing was written", path, byExt.Ext, named, named)
	}
	return named, nil
}

// renderComparison loads two assessments by name and renders what changed
// from the first to the second.
func (a *app) renderComparison(cmd *cobra.Command, oldName, newName string, write func(*bytes.Buffer, report.CompareInput) error) ([]byte, error) {
	s, err := a.openReader()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	before, err := s.LoadByName(cmd.Context(), oldName)
	if err != nil {
		return nil, notFound(err)
	}
	after, err := s.LoadByName(cmd.Context(), newName)
	if err != nil {
		return nil, notFound(err)
	}
	if before.QuestionnaireID != after.QuestionnaireID {
		return nil, userErrorf("%q uses the questionnaire %q but %q uses %q; only assessments of the same questionnaire can be compared",
			oneLine(before.Name), before.QuestionnaireID, oneLine(after.Name), after.QuestionnaireID)
	}
	qn, err := a.questionnaireFor(before.QuestionnaireID)
	if err != nil {
		return nil, err
	}
	// Both sides are read under the current questions, so a question merged
	// since last quarter compares with its successor.
	assessment.UpgradeInPlace(qn, before)
	writeUpgrade(a.stderr, qn, assessment.UpgradeInPlace(qn, after))
	var buf bytes.Buffer
	if err := write(&buf, report.NewCompareInput(qn, before, after, now())); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
