package xlsx_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryDoesNotLinkExcelize: excelize's package initialiser compiles
// regular expressions and builds large maps at every start of a program
// that links it, so gapmap's binary must not (tests may use it).
func TestBinaryDoesNotLinkExcelize(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the binary's packages")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/gapmap/gapmap/cmd/gapmap").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "excelize") {
			t.Errorf("gapmap links %s; write workbooks with internal/xlsx", pkg)
		}
	}
}
