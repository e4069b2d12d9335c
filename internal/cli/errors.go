package cli

import (
	"errors"
	"io/fs"

	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// asUserError classifies errors caused by the user's input (bad files, missing
// files) so they exit 1; anything else stays internal and exits 2.
func asUserError(err error) error {
	var ps yamlfile.Problems
	var cps report.CellProblems
	var pe *fs.PathError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ps):
		return err
	case errors.As(err, &cps):
		return userError{err}
	case errors.As(err, &pe):
		return userError{err}
	}
	return err
}
