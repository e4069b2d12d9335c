//go:build profile

package main

import (
	"os"
	"runtime/pprof"
)

// With the profile build tag, GAPMAP_CPUPROFILE=FILE writes a CPU profile
// of the whole run: go build -tags profile ./cmd/gapmap.
func init() {
	path := os.Getenv("GAPMAP_CPUPROFILE")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		return
	}
	stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
}
