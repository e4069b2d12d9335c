//go:build !unix

package atomicfile

import "errors"

// ProcessRuns cannot tell here, so nothing is ever taken for stale.
func ProcessRuns(int) bool { return true }

func isNoLinkError(err error) bool { return errors.Is(err, errors.ErrUnsupported) }
