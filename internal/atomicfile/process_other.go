//go:build !unix

package atomicfile

import "errors"

// processRuns cannot tell here, so no temporary file is ever taken for stale.
func processRuns(int) bool { return true }

func isNoLinkError(err error) bool { return errors.Is(err, errors.ErrUnsupported) }
