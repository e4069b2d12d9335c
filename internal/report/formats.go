package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is one export format: its name on the command line, its title,
// its file extension, what it is for, and its writer.
type Format struct {
	Name, Title, Ext, About string
	Write                   func(io.Writer, Input) error
	// Binary formats are not written to a terminal.
	Binary bool
}

// Formats is every export format, the default first. The command line, the
// full-screen program and the accessible mode all offer this list.
var Formats = []Format{
	{"md", "Markdown", "md", "the readiness report and roadmap to hand over or paste into a tracker", Markdown, false},
	{"json", "JSON", "json", "the complete assessment and roadmap (imports back with gapmap import)", JSON, false},
	{"csv", "CSV", "csv", "one row per roadmap item, for spreadsheets and ticket imports", CSV, false},
	{"xlsx", "Excel workbook", "xlsx", "summary, roadmap, window calendar, criteria heat map and every answer (imports back)", XLSX, true},
	{"html", "HTML report", "html", "a self-contained report to read in a browser or print to PDF", HTML, false},
	{"soa-md", "ISO 27001 SoA draft (Markdown)", "md", "a draft ISO/IEC 27001:2022 Statement of Applicability", SoAMarkdown, false},
	{"soa-csv", "ISO 27001 SoA draft (CSV)", "csv", "the draft Statement of Applicability, one row per Annex A control", SoACSV, false},
}

// FormatNamed returns the format called name.
func FormatNamed(name string) (Format, error) {
	for _, f := range Formats {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q (expected %s)", name, FormatNames(" or "))
}

// FormatNames lists the format names, the last joined with last: "md, json
// or csv".
func FormatNames(last string) string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + last + names[len(names)-1]
}

// FormatForFile returns the format a file name's extension names, matched
// without regard to case: the first format with that extension, so .md is
// md and .csv is csv (the SoA drafts share those and need a named format).
// ok is false for a name without a known extension.
func FormatForFile(path string) (f Format, ok bool) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if ext == "" {
		return Format{}, false
	}
	for _, f := range Formats {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}
