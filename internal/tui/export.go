package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/atomicfile"
	"github.com/gapmap/gapmap/internal/report"
)

// exportStep is where the export screen is.
type exportStep int

const (
	exportChoose  exportStep = iota // format and path
	exportConfirm                   // the file exists: replace it?
	exportWriting
	exportDone
)

// exportScreen writes the report to a file, never replacing one without
// asking.
type exportScreen struct {
	sh     *shared
	sess   *session
	step   exportStep
	form   embeddedForm
	format string
	path   string
	result string
	err    error
}

// exportedMsg reports the end of a write.
type exportedMsg struct {
	path string
	size int
	err  error
}

func newExportScreen(sh *shared, sess *session) exportScreen {
	s := exportScreen{sh: sh, sess: sess}
	s.form = newExportForm(sh, sess.a.Name)
	return s
}

var unsafeFileChars = regexp.MustCompile(`[^a-z0-9]+`)

// defaultExportName is a file name derived from the assessment name.
func defaultExportName(name, ext string) string {
	slug := strings.Trim(unsafeFileChars.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if slug == "" {
		slug = "assessment"
	}
	return slug + "-soc2-roadmap." + ext
}

func newExportForm(sh *shared, name string) embeddedForm {
	format := ptr("md")
	path := ptr("")
	return newEmbeddedForm(sh, huh.NewGroup(
		huh.NewSelect[string]().Key("format").Title("Format").Options(
			huh.NewOption("Markdown — the readiness report and roadmap to hand over or paste into a tracker", "md"),
			huh.NewOption("JSON — the complete assessment and roadmap (imports back with gapmap import)", "json"),
			huh.NewOption("CSV — one row per roadmap item, for spreadsheets and ticket imports", "csv"),
		).Value(format),
		huh.NewInput().Key("path").Title("File").
			DescriptionFunc(func() string {
				return "Empty for " + defaultExportName(name, *format) + " in the current folder."
			}, format).
			Value(path),
	).Title("Export"))
}

func (s exportScreen) Init() tea.Cmd { return s.form.Init() }

// capturesInput is true while the form takes text.
func (s exportScreen) capturesInput() bool { return s.step == exportChoose || s.step == exportConfirm }

func (s exportScreen) ShortHelp() []key.Binding {
	if s.capturesInput() {
		return formShortHelp(s.sh.keys)
	}
	back := key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "back to the roadmap"))
	return []key.Binding{back, s.sh.keys.Quit}
}

func (s exportScreen) Update(msg tea.Msg) (exportScreen, tea.Cmd) {
	if m, ok := msg.(exportedMsg); ok {
		s.step = exportDone
		s.err = m.err
		s.result = fmt.Sprintf("Exported to %s (%d bytes).", m.path, m.size)
		return s, nil
	}
	switch s.step {
	case exportChoose, exportConfirm:
		return s.updateForm(msg)
	case exportDone:
		if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, s.sh.keys.Enter) || key.Matches(k, s.sh.keys.Back)) {
			return s, navigate(screenRoadmap)
		}
	}
	return s, nil
}

func (s exportScreen) updateForm(msg tea.Msg) (exportScreen, tea.Cmd) {
	var cmd tea.Cmd
	var outcome formOutcome
	s.form, cmd, outcome = s.form.Update(msg)
	switch outcome {
	case formCancelled:
		if s.step == exportConfirm {
			s.step = exportChoose
			s.form = newExportForm(s.sh, s.sess.a.Name)
			return s, tea.Batch(s.form.Init(), status("Not exported: the existing file is kept", false))
		}
		return s, navigate(screenRoadmap)
	case formDone:
		if s.step == exportConfirm {
			if !s.form.form.GetBool("replace") {
				s.step = exportChoose
				s.form = newExportForm(s.sh, s.sess.a.Name)
				return s, tea.Batch(s.form.Init(), status("Not exported: the existing file is kept", false))
			}
			s.step = exportWriting
			return s, s.write(true)
		}
		s.format = s.form.form.GetString("format")
		s.path = strings.TrimSpace(s.form.form.GetString("path"))
		if s.path == "" {
			s.path = defaultExportName(s.sess.a.Name, s.format)
		}
		if abs, err := filepath.Abs(s.path); err == nil {
			s.path = abs
		}
		if _, err := os.Stat(s.path); err == nil {
			s.step = exportConfirm
			s.form = newEmbeddedForm(s.sh, huh.NewGroup(
				huh.NewConfirm().Key("replace").Title(oneLine(s.path)+" already exists. Replace it?").
					Affirmative("Replace").Negative("Keep it").Value(ptr(false)),
			))
			return s, s.form.Init()
		}
		s.step = exportWriting
		return s, s.write(false)
	}
	return s, cmd
}

// write renders and writes the export as a command.
func (s exportScreen) write(overwrite bool) tea.Cmd {
	in := report.NewInput(s.sess.qn, s.sess.a, s.sh.now())
	path, format := s.path, s.format
	return func() tea.Msg {
		var buf bytes.Buffer
		var err error
		switch format {
		case "json":
			err = report.JSON(&buf, in)
		case "csv":
			err = report.CSV(&buf, in)
		default:
			err = report.Markdown(&buf, in)
		}
		if err == nil {
			err = atomicfile.Write(path, buf.Bytes(), 0o644, overwrite)
		}
		return exportedMsg{path: path, size: buf.Len(), err: err}
	}
}

func (s exportScreen) View(w, h int) string {
	st := s.sh.styles
	switch s.step {
	case exportWriting:
		return st.Muted.Render("Writing " + oneLine(s.path) + "…")
	case exportDone:
		if s.err != nil {
			msg := "Export failed: " + errText(s.err)
			if errors.Is(s.err, atomicfile.ErrExists) {
				msg = "Export stopped: the file appeared meanwhile and was kept."
			}
			return st.Error.Render(wrap(msg, w)) + "\n\n" + st.Muted.Render("enter or esc: back to the roadmap")
		}
		return st.Title.Render("Done") + "\n\n" + st.Success.Render(wrap(oneLine(s.result), w)) + "\n\n" +
			wrap("Open it in an editor, paste it into your tracker, or hand it over. Export again any time: answers stay in gapmap.", w) +
			"\n\n" + st.Muted.Render("enter or esc: back to the roadmap")
	}
	return s.form.View()
}
