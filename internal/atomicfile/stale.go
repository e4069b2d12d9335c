package atomicfile

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// staleName matches the temporary files writeNamed creates: .NAME.tmp-PID-N.
var staleName = regexp.MustCompile(`^\..+\.tmp-([0-9]+)-[0-9]+$`)

// removeStale deletes, from dir, gapmap's temporary files whose process no
// longer runs: what a killed write left behind. Errors are ignored; a file
// that cannot be removed now is tried again on the next write.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := staleName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		pid, err := strconv.Atoi(m[1])
		if err != nil || pid == os.Getpid() || ProcessRuns(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}
