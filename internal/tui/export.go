package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	exportChoose    exportStep = iota // format and path
	exportResolving                   // finding where the file goes
	exportConfirm                     // the file exists: replace it?
	exportWriting
	exportDone
	exportPreview // the Markdown rendered, the form kept behind it
)

// exportScreen writes the report to a file, never replacing one without
// asking.
type exportScreen struct {
	sh     *shared
	sess   *session
	step   exportStep
	form   embeddedForm
	format string
	// typed is the path as typed, path where it resolved to.
	typed  string
	path   string
	result string
	err    error
	// preview is the rendered Markdown, made when first asked for.
	preview preview
}

// exportedMsg reports the end of a write.
type exportedMsg struct {
	path string
	size int
	err  error
}

func newExportScreen(sh *shared, sess *session) exportScreen {
	s := exportScreen{sh: sh, sess: sess}
	s.form = newExportForm(sh, sess.a.Name, report.Formats[0].Name, "")
	return s
}

// newExportForm asks for the format and the file, filled in with format
// and path (after "Keep it", what was typed stays).
func newExportForm(sh *shared, name, format, path string) embeddedForm {
	formatV, pathV := ptr(format), ptr(path)
	var opts []huh.Option[string]
	for _, f := range report.Formats {
		opts = append(opts, huh.NewOption(f.Title+" — "+f.About, f.Name))
	}
	return newEmbeddedForm(sh, huh.NewGroup(
		huh.NewSelect[string]().Key("format").Title("Format").Options(opts...).Value(formatV),
		// The hint is set now as well as bound: huh works a bound
		// description out only once the binding changes, so the format
		// selected first had none. It names the format, which a small
		// screen scrolls out of view on this step.
		huh.NewInput().Key("path").Title("File").
			Description(fileHint(name, *formatV)).
			DescriptionFunc(func() string { return fileHint(name, *formatV) }, formatV).
			Value(pathV),
	).Title("Export"))
}

// fileHint is the File field's description: the format chosen and the
// file written when none is typed.
func fileHint(name, format string) string {
	title := format
	if f, err := report.FormatNamed(format); err == nil {
		title = f.Title
	}
	return "Format: " + title + ". Empty for " + report.FileName(name, extOf(format)) + " in the current folder."
}

func extOf(format string) string {
	f, err := report.FormatNamed(format)
	if err != nil {
		return format
	}
	return f.Ext
}

// exportTargetMsg is where an export goes, resolved off the Update loop.
type exportTargetMsg struct {
	path   string
	exists bool
	err    error
}

// resolveTarget makes path absolute, expanding a leading ~, and finds
// whether a file is there already.
func resolveTarget(path string) tea.Cmd {
	return func() tea.Msg {
		p, err := expandHome(path)
		if err != nil {
			return exportTargetMsg{err: err}
		}
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		_, err = os.Stat(p)
		return exportTargetMsg{path: p, exists: err == nil}
	}
}

// expandHome replaces a leading ~ or ~/ by the home folder, as a shell
// would.
func expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") && !strings.HasPrefix(path, "~"+string(filepath.Separator)) {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot expand ~: %w", err)
	}
	return filepath.Join(home, path[1:]), nil
}

func (s exportScreen) Init() tea.Cmd { return s.form.Init() }

// capturesInput is true while the form takes text.
func (s exportScreen) capturesInput() bool { return s.step == exportChoose || s.step == exportConfirm }

func (s exportScreen) ShortHelp() []key.Binding {
	if s.step == exportPreview {
		return s.preview.ShortHelp()
	}
	if s.canPreview() {
		return append([]key.Binding{s.sh.keys.Preview}, s.form.ShortHelp()...)
	}
	if s.capturesInput() {
		return s.form.ShortHelp()
	}
	return []key.Binding{s.sh.keys.ExportDone, s.sh.keys.Help, s.sh.keys.Quit}
}

func (s exportScreen) FullHelp() [][]key.Binding {
	if s.step == exportPreview {
		return s.preview.FullHelp()
	}
	return [][]key.Binding{s.ShortHelp()}
}
func (s exportScreen) unsaved() string { return "" }
func (s exportScreen) handedOn() bool  { return false }

func (s exportScreen) Update(msg tea.Msg) (exportScreen, tea.Cmd) {
	switch m := msg.(type) {
	case exportedMsg:
		s.step = exportDone
		s.err = m.err
		s.result = fmt.Sprintf("Exported to %s (%d bytes).", m.path, m.size)
		return s, nil
	case exportTargetMsg:
		return s.target(m)
	case previewRenderedMsg:
		s.preview = s.preview.rendered(m)
		return s, nil
	}
	switch s.step {
	case exportPreview:
		return s.updatePreview(msg)
	case exportChoose:
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.sh.keys.Preview) && s.canPreview() {
			return s.openPreview()
		}
		return s.updateForm(msg)
	case exportConfirm:
		return s.updateForm(msg)
	case exportDone:
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.sh.keys.ExportDone) {
			return s, navigate(screenRoadmap)
		}
	}
	return s, nil
}

// target acts on the resolved path: ask before replacing a file, else write.
func (s exportScreen) target(m exportTargetMsg) (exportScreen, tea.Cmd) {
	if m.err != nil {
		s.step, s.err = exportDone, m.err
		return s, nil
	}
	s.path = m.path
	if m.exists {
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

// keep returns to the form with what was typed, the existing file kept.
func (s exportScreen) keep() (exportScreen, tea.Cmd) {
	s.step = exportChoose
	s.form = newExportForm(s.sh, s.sess.a.Name, s.format, s.typed)
	return s, tea.Batch(s.form.Init(), status("Not exported: the existing file is kept", false))
}

func (s exportScreen) updateForm(msg tea.Msg) (exportScreen, tea.Cmd) {
	var cmd tea.Cmd
	var outcome formOutcome
	s.form, cmd, outcome = s.form.Update(msg)
	switch outcome {
	case formCancelled:
		if s.step == exportConfirm {
			return s.keep()
		}
		return s, navigate(screenRoadmap)
	case formDone:
		if s.step == exportConfirm {
			if !s.form.form.GetBool("replace") {
				return s.keep()
			}
			s.step = exportWriting
			return s, s.write(true)
		}
		s.format = s.form.form.GetString("format")
		s.typed = strings.TrimSpace(s.form.form.GetString("path"))
		path := s.typed
		if path == "" {
			path = report.FileName(s.sess.a.Name, extOf(s.format))
		}
		s.step = exportResolving
		return s, resolveTarget(path)
	}
	return s, cmd
}

// write renders and writes the export as a command.
func (s exportScreen) write(overwrite bool) tea.Cmd {
	in := report.NewInput(s.sess.qn, s.sess.a, s.sh.now())
	path, format := s.path, s.format
	return func() tea.Msg {
		f, err := report.FormatNamed(format)
		var buf bytes.Buffer
		if err == nil {
			err = f.Write(&buf, in)
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
	case exportResolving:
		return st.Muted.Render("Checking " + oneLine(s.typed) + "…")
	case exportWriting:
		return st.Muted.Render("Writing " + oneLine(s.path) + "…")
	case exportDone:
		if s.err != nil {
			msg := "Export failed: " + errText(s.err)
			if errors.Is(s.err, atomicfile.ErrExists) {
				msg = "Export stopped: the file appeared meanwhile and was kept."
			}
			return st.Error.Render(wrap(msg, w))
		}
		return st.Title.Render("Done") + "\n\n" + st.Success.Render(wrap(oneLine(s.result), w)) + "\n\n" +
			wrap("Open it in an editor, paste it into your tracker, or hand it over. Export again any time: answers stay in gapmap.", w)
	case exportPreview:
		return s.preview.View(w)
	}
	return s.form.View(w, h)
}
