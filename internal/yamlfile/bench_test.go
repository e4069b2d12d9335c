package yamlfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// hostileInputs are the costliest files for each limit: each just inside
// it, with a syntax error at the end where that forces the error locator.
func hostileInputs(tb testing.TB) map[string][]byte {
	flatMap := func(lines int, tail string) []byte {
		var b bytes.Buffer
		b.WriteString("name: d\nanswers:\n")
		for i := range lines {
			fmt.Fprintf(&b, "  q.id%07d: yes\n", i)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
	deepFlow := func(size int, tail string) []byte {
		var b bytes.Buffer
		b.WriteString("answers: [")
		unit := strings.Repeat("[", MaxDepth-2) + strings.Repeat("]", MaxDepth-2) + ","
		for b.Len()+len(unit) < size {
			b.WriteString(unit)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
	return map[string][]byte{
		"flat-map-node-limit-trailing-error":   flatMap(MaxNodes/2-10, "  bad: [\n"),
		"flow-list-node-limit-trailing-error":  []byte("a: [" + strings.Repeat("1,", MaxNodes-10) + "}\n"),
		"deep-flow-node-limit-trailing-error":  deepFlow(MaxNodes-100, "}\n"),
		"deep-flow-goccy-limit-trailing-error": deepFlow(goccyMaxNodes-100, "}\n"),
		"flat-map-goccy-limit-trailing-error":  flatMap(goccyMaxNodes/2-10, "  bad: [\n"),
		"nested-brackets-200KB":                nested("[", "]", 100_000),
		"nested-brackets-2MB":                  nested("[", "]", 1_000_000),
		"bank-5000-questions":                  bigBank(tb, 5000),
		"long-scalar-16MB":                     []byte("a: " + strings.Repeat("x", MaxBytes-10) + "\n"),
	}
}

// BenchmarkHostileInputs times Parse on the worst input of each kind.
// B/op (everything allocated) must stay under 300 MB and ns/op under 2 s;
// files over MaxBytes (up to 50 MB) never reach Parse: see
// BenchmarkReadFile50MB.
func BenchmarkHostileInputs(b *testing.B) {
	for name, data := range hostileInputs(b) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Parse("f.yaml", data)
			}
		})
	}
}

func BenchmarkReadFile50MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.yaml")
	data := bytes.Repeat([]byte("  q.id0000000: yes\n"), 50<<20/19)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadFile(path); err == nil {
			b.Fatal("a 50 MB file was read")
		}
	}
}

// TestHostileInputsAreBounded runs each hostile input once and checks the
// allocation bound, which unlike time does not depend on the machine.
func TestHostileInputsAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates hundreds of megabytes")
	}
	for name, data := range hostileInputs(t) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Parse("f.yaml", data)
		runtime.ReadMemStats(&after)
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 300 {
			t.Errorf("%s: %d MB allocated, want at most 300", name, mb)
		}
	}
}
