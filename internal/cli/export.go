package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/atomicfile"
	"github.com/gapmap/gapmap/internal/report"
)

func (a *app) exportCommand() *cobra.Command {
	var format, out, logo string
	var force bool
	var brand report.Brand
	cmd := &cobra.Command{
		Use:   "export NAME",
		Short: "Export an assessment and its roadmap as Markdown, JSON, CSV, an Excel workbook or an HTML report",
		Long: `Export an assessment. Formats:
  md    the readiness report and roadmap, the deliverable (default)
  json  the complete assessment and roadmap; imports back with 'gapmap import'
  csv   one row per roadmap item, for spreadsheets and ticket imports
  xlsx  an Excel workbook: summary, roadmap, window calendar (Type II),
        criteria heat map, the draft SoA, every answer and the scope;
        imports back
  html  a self-contained report to read in a browser or print to PDF;
        brand it with --title, --prepared-by, --logo and --draft
  soa-md, soa-csv
        a draft ISO/IEC 27001:2022 Statement of Applicability: one row per
        Annex A control, with applicability, justification, status, linked
        questions, owner and evidence, to check against your risk treatment plan

Without --format, the format is the one -o FILE's extension names (.md,
.json, .csv, .xlsx or .html), else md; the SoA drafts share .md and .csv,
so name them with --format. A --format whose extension differs from a known
extension of FILE is refused, and nothing is written.

Without -o, or with -o -, the export goes to standard output. With -o FILE
it is written atomically and readable only by you (mode 0600); an existing
file is never replaced unless --force is given, and a folder, FIFO or device
never is.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := chooseFormat(format, cmd.Flags().Changed("format"), out)
			if err != nil {
				return err
			}
			format = f.Name
			if f.Binary && (out == "" || out == "-") {
				if f, ok := a.stdout.(*os.File); ok && isTerminal(f) {
					return userErrorf("%s is a binary format; write it to a file with -o FILE", format)
				}
			}
			if logo != "" {
				if brand.Logo, err = readLogo(logo); err != nil {
					return err
				}
			}
			branded := func(b *bytes.Buffer, in report.Input) error {
				in.Brand = brand
				return f.Write(b, in)
			}
			data, err := a.render(cmd, args[0], branded)
			if err != nil {
				return err
			}
			return a.emit(data, out, force)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "", report.FormatNames(" or ")+"; default: the one -o FILE's extension names, else md")
	outputFlags(cmd, &out, &force)
	cmd.Flags().StringVar(&brand.Title, "title", "", "html: the report's title (default \"SOC 2 readiness: NAME\")")
	cmd.Flags().StringVar(&brand.PreparedBy, "prepared-by", "", "html: who prepared the report")
	cmd.Flags().StringVar(&logo, "logo", "", "html: a PNG, JPEG or SVG logo FILE to embed")
	cmd.Flags().BoolVar(&brand.Draft, "draft", false, "html: mark every page as a draft")
	var names []string
	for _, f := range report.Formats {
		names = append(names, f.Name)
	}
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// outputFlags adds -o and --force, which emit honours.
func outputFlags(cmd *cobra.Command, out *string, force *bool) {
	cmd.Flags().StringVarP(out, "output", "o", "", "write to FILE (mode 0600) instead of standard output; - is standard output")
	cmd.Flags().BoolVar(force, "force", false, "replace FILE if it exists and is a regular file")
}

// emit writes data to standard output ("" or "-"), or to the file out,
// atomically and privately, never replacing an existing file unless force,
// and never anything that is not a regular file.
func (a *app) emit(data []byte, out string, force bool) error {
	if out == "" || out == "-" {
		_, err := a.stdout.Write(data)
		return err
	}
	if err := atomicfile.Write(out, data, 0o600, force); err != nil {
		return userError{err}
	}
	fmt.Fprintf(a.stderr, "Wrote %s\n", out)
	return nil
}

// render loads an assessment by name and renders it with write.
func (a *app) render(cmd *cobra.Command, name string, write func(*bytes.Buffer, report.Input) error) ([]byte, error) {
	s, err := a.openReader()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	as, err := s.LoadByName(cmd.Context(), name)
	if err != nil {
		return nil, notFound(err)
	}
	qn, err := a.questionnaireFor(as.QuestionnaireID)
	if err != nil {
		return nil, err
	}
	writeUpgrade(a.stderr, qn, assessment.UpgradeInPlace(qn, as))
	var buf bytes.Buffer
	if err := write(&buf, report.NewInput(qn, as, now())); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readLogo reads a logo file, refusing a large one before reading it.
func readLogo(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, userError{err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > report.MaxLogoBytes {
		return nil, userErrorf("%s: %v", path, report.LogoTooLarge(st.Size()))
	}
	data, err := io.ReadAll(io.LimitReader(f, report.MaxLogoBytes+1))
	if err != nil {
		return nil, userError{err}
	}
	if len(data) > report.MaxLogoBytes {
		// Not a regular file, so its size was not known before reading.
		return nil, userErrorf("%s: the logo is more than %d KiB, the most a report embeds", path, report.MaxLogoBytes>>10)
	}
	if _, err := report.CheckLogo(data); err != nil {
		return nil, userErrorf("%s: %v", path, err)
	}
	return data, nil
}
