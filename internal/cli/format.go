package cli

import (
	"github.com/gapmap/gapmap/internal/report"
)

// chooseFormat is the format of an export to path: the one named with
// --format (given tells whether it was), else the one path's extension
// names, else the default. A named format whose extension differs from a
// known extension of path is refused, so that report.xlsx never holds
// Markdown. An empty path or "-" is standard output.
func chooseFormat(named string, given bool, path string) (report.Format, error) {
	byExt, known := report.Format{}, false
	if path != "" && path != "-" {
		byExt, known = report.FormatForFile(path)
	}
	if !given {
		if known {
			return byExt, nil
		}
		return report.Formats[0], nil
	}
	f, err := report.FormatNamed(named)
	if err != nil {
		return report.Format{}, userError{err}
	}
	if known && byExt.Ext != f.Ext {
		return report.Format{}, userErrorf("%s ends in .%s, but --format %s writes %s (.%s): change the file name or the format; nothing was written",
			path, byExt.Ext, f.Name, f.Title, f.Ext)
	}
	return f, nil
}
