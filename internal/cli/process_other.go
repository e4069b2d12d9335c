//go:build !unix

package cli

// processRuns cannot tell here, so no demo folder is ever taken for stale.
func processRuns(int) bool { return true }
