// Command gapmap walks a team through a SOC 2 readiness assessment and turns
// the answers into a prioritized remediation roadmap.
package main

import (
	"os"

	"github.com/gapmap/gapmap/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// stopProfile ends a CPU profile started by profile.go (build tag profile).
var stopProfile = func() {}

func main() {
	code := cli.Main(version)
	stopProfile()
	os.Exit(code)
}
