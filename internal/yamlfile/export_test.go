package yamlfile

import "testing"

// Hooks for package yamlfile_test, whose tests use banks made by
// internal/scaledata, a package that imports this one.

// CheckFastParts checks that the fast parser reads every part of the
// questions in data as yaml.v3 does, and returns how many parts there are.
func CheckFastParts(tb testing.TB, file string, data []byte) int {
	return checkFastParts(tb, file, data)
}

// BenchParsePart parses each part of the questions in data as parsePart
// does, with the fast parser or with yaml.v3 alone.
func BenchParsePart(b *testing.B, data []byte, fast bool) {
	texts, lines := partsOf(b, data)
	if len(texts) == 0 {
		b.Fatal("no parts")
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for i, text := range texts {
			if fast {
				if _, ok := fastParse(text, lines[i]); !ok {
					b.Fatal("fell back")
				}
			} else if _, err := slowParse(text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
