package yamlfile

import (
	"os"
	"path/filepath"
	"testing"
)

// repoYAML is every YAML file of the repository: the built-in bank, the
// test banks and answer files, the demo.
func repoYAML(tb testing.TB) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	for _, pattern := range []string{
		"../../questionnaires/*.yaml",
		"../../assets/*.yaml",
		"../../testdata/*/*.yaml",
		"../../testdata/*/*/*.yaml",
		"../*/testdata/*.yaml",
	} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			files[path] = data
		}
	}
	if len(files) < 20 {
		tb.Fatalf("found only %d YAML files", len(files))
	}
	return files
}

// partsOf returns the text of each part ParseSplit cuts the questions of
// data into, with the line each starts on; nil if it does not split them.
func partsOf(tb testing.TB, data []byte) (texts [][]byte, lines []int) {
	tb.Helper()
	_, _, items, err := ParseSplit("f.yaml", data, "questions")
	if err != nil || items == nil {
		return nil, nil
	}
	for _, p := range items.parts {
		texts = append(texts, data[p.from:p.to])
		lines = append(lines, p.line)
	}
	return texts, lines
}

// FuzzFastParseMatchesYAML checks the fast parser against yaml.v3: whatever
// it reads, yaml.v3 reads without error into the same tree, node for node,
// position for position (comments aside).
func FuzzFastParseMatchesYAML(f *testing.F) {
	for _, data := range repoYAML(f) {
		f.Add(data)
		texts, _ := partsOf(f, data)
		for _, text := range texts {
			f.Add(text)
		}
	}
	for _, s := range fastTricky {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fastMatchesSlow(t, data)
	})
}
