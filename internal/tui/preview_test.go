package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"image/color"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/gapmap/gapmap/internal/report"
)

// exportModel is the root model on the export screen of the example
// assessment, its format list focused.
func exportModel(t *testing.T, w, h int) Model {
	t.Helper()
	st := openStore(t, true)
	m := withSession(t, sized(New(testOptions(t, st)), w, h), st)
	m, _ = m.show(screenExport)
	m.export.form.Init()
	return sized(m, w, h)
}

// send feeds messages to the root model, running the preview's rendering
// and giving its result back, and returns the model and whether a
// rendering was asked for.
func send(t *testing.T, m Model, msgs ...tea.Msg) (Model, bool) {
	t.Helper()
	rendered := false
	for _, msg := range msgs {
		next, cmd := m.Update(msg)
		m = next.(Model)
		if m.export.step != exportPreview {
			continue // the form's commands blink a cursor and wait
		}
		if r, ok := runCmd(cmd).(previewRenderedMsg); ok {
			rendered = true
			next, _ = m.Update(r)
			m = next.(Model)
		}
	}
	return m, rendered
}

func typed(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// p opens the preview from the format list; esc returns to the form with
// the format and the file as they were. In the file field p is typed.
func TestExportPreviewKeepsTheForm(t *testing.T) {
	m := exportModel(t, 80, 24)
	msgs := []tea.Msg{tea.KeyPressMsg{Code: tea.KeyDown}, press("enter")}
	msgs = append(msgs, typed("out/plan.json")...)
	m, _ = send(t, m, msgs...)
	if m.export.step != exportChoose || m.export.canPreview() {
		t.Fatalf("p would not be typed into the file field (step %v)", m.export.step)
	}
	m, _ = send(t, m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, press("p"))
	if m.export.step != exportPreview {
		t.Fatalf("p on the format list left the export at step %v", m.export.step)
	}
	if out := plain(m); !strings.Contains(out, "Preview · Markdown as exported") {
		t.Errorf("the preview is not on screen:\n%s", out)
	}
	m, _ = send(t, m, press("esc"))
	if m.export.step != exportChoose {
		t.Fatalf("esc left the preview at step %v", m.export.step)
	}
	if got := m.export.form.form.GetFocusedField().GetValue(); got != "json" {
		t.Errorf("after the preview the format is %q, want json", got)
	}
	if view := plain(m); !strings.Contains(view, "> out/plan.json") {
		t.Errorf("after the preview the form does not show the file typed:\n%s", view)
	}
	if m.screen != screenExport {
		t.Errorf("esc from the preview left the export screen for %v", m.screen)
	}
}

// While the format list is filtered, p is part of the filter.
func TestExportPreviewNotWhileFiltering(t *testing.T) {
	m := exportModel(t, 80, 24)
	m, rendered := send(t, m, press("/"), press("p"))
	if m.export.step != exportChoose || rendered {
		t.Fatalf("p while filtering opened the preview (step %v)", m.export.step)
	}
	if view := plain(m); !strings.Contains(view, "p") || strings.Contains(view, "Preview ·") {
		t.Errorf("p was not typed into the filter:\n%s", view)
	}
}

// The preview shows the report the export writes, headings and all.
func TestExportPreviewRendersTheReport(t *testing.T) {
	for _, tc := range []struct {
		moves  int
		format string
	}{{0, "md"}, {5, "soa-md"}} {
		m := exportModel(t, 100, 40)
		var msgs []tea.Msg
		for range tc.moves {
			msgs = append(msgs, tea.KeyPressMsg{Code: tea.KeyDown})
		}
		m, rendered := send(t, m, append(msgs, press("p"))...)
		if !rendered {
			t.Fatalf("%s: p asked for no rendering", tc.format)
		}
		f, _ := report.FormatNamed(tc.format)
		var buf bytes.Buffer
		if err := f.Write(&buf, report.NewInput(m.sess.qn, m.sess.a, fixedNow)); err != nil {
			t.Fatal(err)
		}
		heading, _, _ := strings.Cut(buf.String(), "\n")
		heading = strings.TrimPrefix(heading, "# ")
		content := ansi.Strip(m.export.preview.vp.GetContent())
		if !strings.Contains(content, heading) {
			t.Errorf("%s: the preview does not render the heading %q:\n%s", tc.format, heading, content[:min(len(content), 400)])
		}
	}
}

// A resize renders again for the new width; a width seen before comes
// from the cache.
func TestExportPreviewFollowsTheWidth(t *testing.T) {
	m := exportModel(t, 80, 24)
	m, _ = send(t, m, press("p"))
	m, rendered := send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if !rendered {
		t.Fatal("a resize did not render the preview again")
	}
	for _, line := range strings.Split(ansi.Strip(m.export.preview.vp.GetContent()), "\n") {
		if w := ansi.StringWidth(line); w > m.sh.contentW {
			t.Fatalf("a line is %d cells wide, the view %d: %q", w, m.sh.contentW, line)
		}
	}
	if m, rendered = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}); rendered {
		t.Error("a width rendered before was rendered again")
	}
	if m.export.preview.vp.GetContent() == "" {
		t.Error("the cached rendering was not shown")
	}
}

// j, G and g scroll the preview.
func TestExportPreviewScrolls(t *testing.T) {
	m := exportModel(t, 80, 24)
	m, _ = send(t, m, press("p"), press("j"))
	if got := m.export.preview.vp.YOffset(); got != 1 {
		t.Errorf("j scrolled to %d, want 1", got)
	}
	m, _ = send(t, m, press("G"))
	if !m.export.preview.vp.AtBottom() {
		t.Error("G did not scroll to the end")
	}
	m, _ = send(t, m, press("g"))
	if !m.export.preview.vp.AtTop() {
		t.Error("g did not scroll to the top")
	}
}

// Without colour the preview has no escape sequence and draws with ASCII;
// with colour it takes the theme's styles and box drawing; a terminal that
// shows no colour gets the plain rendering even without NO_COLOR.
func TestExportPreviewStyles(t *testing.T) {
	m := exportModel(t, 100, 40)
	m, _ = send(t, m, press("p"), press("G"))
	content := m.export.preview.vp.GetContent()
	if strings.Contains(content, "\x1b") {
		t.Errorf("NO_COLOR preview has escape sequences: %q", content[:min(len(content), 200)])
	}
	if !strings.Contains(content, "----+----") || strings.ContainsAny(content, "│─•") {
		t.Errorf("NO_COLOR preview does not draw with ASCII:\n%s", content[:min(len(content), 2000)])
	}

	m.sh.opts.NoColor = false
	m, rendered := send(t, m, tea.BackgroundColorMsg{Color: color.Black})
	if !rendered {
		t.Fatal("a new background did not render the preview again")
	}
	content = m.export.preview.vp.GetContent()
	heading := NewStyles(true, false).Title.Reverse(true).Render("# SOC 2 readiness: Acme Cloud readiness")
	if !strings.Contains(content, heading) || !strings.Contains(content, "┼") || !strings.Contains(content, "•") {
		t.Errorf("the dark preview lacks the theme's heading, box drawing or bullets:\n%q", content[:min(len(content), 400)])
	}

	// The plain rendering at this width comes from the cache.
	m, _ = send(t, m, tea.ColorProfileMsg{Profile: colorprofile.ASCII})
	if content = m.export.preview.vp.GetContent(); strings.Contains(content, "\x1b") || strings.Contains(content, "┼") {
		t.Errorf("the preview on an ASCII terminal is not plain: %q", content[:min(len(content), 200)])
	}
}

// The preview at 80×24 without colour (update with -update).
func TestExportPreviewGolden(t *testing.T) {
	m := exportModel(t, 80, 24)
	m, _ = send(t, m, press("p"))
	out := plain(m)
	checkFrame(t, out, 80, 24)
	golden.RequireEqual(t, []byte(out))
}

// TestExportPreviewFlow drives the real program: export, preview, scroll
// to the end, back, write; the file begins with the heading the preview
// showed.
func TestExportPreviewFlow(t *testing.T) {
	st := openStore(t, true)
	opts := testOptions(t, st)
	opts.OpenName = "Acme Cloud readiness"
	tm, f := start(t, New(opts), 80, 24)
	waitFor(t, f, "X export")
	tm.Send(press("X"))
	waitFor(t, f, "┃ Format")
	tm.Send(press("p"))
	waitFor(t, f, "# SOC 2 readiness: Acme Cloud readiness")
	tm.Send(press("G"))
	waitFor(t, f, "100%")
	tm.Send(press("esc"))
	waitFor(t, f, "p preview")
	path := filepath.Join(t.TempDir(), "acme.md")
	focus(t, tm, f, "File")
	tm.Type(path)
	tm.Send(press("enter"))
	waitFor(t, f, "Done")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(15*time.Second))
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "# SOC 2 readiness: Acme Cloud readiness\n") {
		t.Fatalf("the export does not begin with the previewed heading (%v):\n%.200s", err, data)
	}
}
