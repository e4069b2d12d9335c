package tui

import (
	"io"
	"path/filepath"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/store"
)

// benchModel is the root model at 120×40 on a screen of the demo-sized
// example assessment, with every applicable question answered.
func benchModel(b *testing.B, screen screenID) Model {
	st := openStore(b, true)
	m := withSession(b, sized(New(testOptions(b, st)), 120, 40), st)
	for i, q := range m.sess.questions {
		m.sess.a.SetAnswer(q.ID, assessment.Answer{Value: assessment.Values[i%5]}, fixedNow)
	}
	m.sess.refresh()
	m, _ = m.show(screen)
	return m
}

// BenchmarkQuestionKey is one key press handled and the frame rendered on
// the question screen (target: 2 ms).
func BenchmarkQuestionKey(b *testing.B) {
	m := benchModel(b, screenQuestions)
	keys := []string{"l", "h"}
	i := 0
	for b.Loop() {
		next, _ := m.Update(press(keys[i%2]))
		m = next.(Model)
		_ = m.View()
		i++
	}
}

// BenchmarkAnswerKey is an answer given: the evaluation is recomputed and
// the frame rendered (the store write runs as a command, outside Update).
func BenchmarkAnswerKey(b *testing.B) {
	m := benchModel(b, screenQuestions)
	keys := []string{"3", "h"}
	i := 0
	for b.Loop() {
		next, cmd := m.Update(press(keys[i%2]))
		m = next.(Model)
		if msg := runCmd(cmd); msg != nil {
			next, _ = m.Update(msg) // the save intent; its command is not run
			m = next.(Model)
		}
		_ = m.View()
		i++
	}
}

// BenchmarkRoadmapKey is one key press handled and the frame rendered on
// the roadmap screen (target: 2 ms).
func BenchmarkRoadmapKey(b *testing.B) {
	m := benchModel(b, screenRoadmap)
	keys := []string{"j", "k"}
	i := 0
	for b.Loop() {
		next, _ := m.Update(press(keys[i%2]))
		m = next.(Model)
		_ = m.View()
		i++
	}
}

// BenchmarkStartToFirstFrame opens the database, builds the program, loads
// the list and renders the first frame (target: 50 ms).
func BenchmarkStartToFirstFrame(b *testing.B) {
	path := filepath.Join(b.TempDir(), "gapmap.db")
	seed, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	a := exampleAssessment(b)
	if _, err := seed.Import(b.Context(), a, assessment.Evaluate(builtin(b), a).Summarize(), "bench", false); err != nil {
		b.Fatal(err)
	}
	seed.Close()
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := sized(New(testOptions(b, st)), 120, 40)
		next, _ := m.Update(loadList(st)())
		_ = next.(Model).View()
		st.Close()
	}
}

// BenchmarkRoadmapFrameDiff is what Bubble Tea's renderer does with one
// frame of BenchmarkRoadmapKey: parse it into cells and diff it against the
// last one (ultraviolet's terminal renderer, as the cursed renderer drives
// it in the alternate screen). Set beside BenchmarkRoadmapKey it splits a
// key's CPU between gapmap's own work and the framework's; the floor rows of
// `make bench-tty` show the same split in a real terminal.
func BenchmarkRoadmapFrameDiff(b *testing.B) {
	m := benchModel(b, screenRoadmap)
	next, _ := m.Update(press("j"))
	frames := []string{m.render(), next.(Model).render()}
	scr := uv.NewTerminalRenderer(io.Discard, []string{"TERM=xterm-256color"})
	scr.SetFullscreen(true)
	scr.SetScrollOptim(true)
	buf := uv.NewScreenBuffer(120, 40)
	i := 0
	for b.Loop() {
		buf.Clear()
		uv.NewStyledString(frames[i%2]).Draw(buf, buf.Bounds())
		scr.Render(buf.RenderBuffer)
		if err := scr.Flush(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
