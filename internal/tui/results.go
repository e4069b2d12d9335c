package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// resultsScreen shows where the assessment stands: readiness overall, by
// category and by criterion (a heat map), gaps by severity, what is unknown
// or flagged, and the common audit findings among the gaps.
type resultsScreen struct {
	sh     *shared
	sess   *session
	offset int
	// tab is the framework shown; the ISO/IEC 27001 tab is offered only
	// with the ISO target.
	tab resultsTab
	// fromHome is set when the home screen's R opened the results: esc
	// goes back there rather than on to the questions.
	fromHome bool
}

func newResultsScreen(sh *shared, sess *session) resultsScreen {
	return resultsScreen{sh: sh, sess: sess}
}

func (s resultsScreen) Update(msg tea.Msg) (resultsScreen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	keys := s.sh.keys
	page := max(1, s.sh.bodyH-4)
	switch {
	case key.Matches(k, keys.Down):
		s.offset++
	case key.Matches(k, keys.Up):
		s.offset = max(0, s.offset-1)
	case key.Matches(k, keys.PageDown):
		s.offset += page
	case key.Matches(k, keys.PageUp):
		s.offset = max(0, s.offset-page)
	case key.Matches(k, keys.ResultsTab) && s.sess.a.ISOTarget():
		s.tab = 1 - s.tab
		s.offset = 0
	case key.Matches(k, keys.Top):
		s.offset = 0
	case key.Matches(k, keys.Bottom):
		s.offset = s.maxOffset()
	case key.Matches(k, keys.Roadmap), key.Matches(k, keys.Enter):
		return s, navigate(screenRoadmap)
	case key.Matches(k, keys.Export):
		return s, navigate(screenExport)
	case key.Matches(k, keys.Back) && s.fromHome:
		return s, navigate(screenHome)
	case key.Matches(k, keys.Back), key.Matches(k, keys.Results):
		return s, navigate(screenQuestions)
	}
	s.offset = min(s.offset, s.maxOffset())
	return s, nil
}

// maxOffset is the last scroll position that still fills the screen.
func (s resultsScreen) maxOffset() int {
	w, h := s.sh.contentW, s.sh.bodyH
	lines := strings.Count(s.content(w), "\n") + 1
	return max(0, lines-(h-2))
}

func (s resultsScreen) View(w, h int) string {
	st := s.sh.styles
	lines := strings.Split(s.content(w), "\n")
	offset := min(s.offset, max(0, len(lines)-(h-2)))
	visible := lines[offset:min(len(lines), offset+h-2)]
	note := s.sess.a.Target.Type.Title() + " target"
	if s.onISOTab() {
		note = "ISO/IEC 27001:2022"
	}
	if len(lines) > h-2 {
		note = fmt.Sprintf("lines %d–%d of %d", offset+1, offset+len(visible), len(lines))
	}
	title := header(st, "Results: "+truncate(oneLine(s.sess.a.Name), w/2), note, w)
	return title + "\n\n" + strings.Join(visible, "\n")
}

func (s resultsScreen) content(w int) string {
	if s.onISOTab() {
		return s.isoContent(w)
	}
	st := s.sh.styles
	ev := s.sess.ev
	var b strings.Builder
	b.WriteString(s.tabLine(w) + "\n")
	o := ev.Overall
	// Under Type II "auditable today" leads: the auditor can test only
	// what has evidence.
	typeII := s.sess.a.Target.Type == assessment.TypeII
	figures := []string{
		st.Subtitle.Render("Controls in place") + " " + st.Title.Render(readinessText(o)),
		st.Subtitle.Render("Auditable today") + " " + st.Title.Render(auditableText(o)),
	}
	if typeII {
		figures[0], figures[1] = figures[1], figures[0]
	}
	// At narrow widths the figures wrap, whole, rather than lose digits.
	figures = append(figures, st.Subtitle.Render("Progress")+" "+fmt.Sprintf("%s (%d/%d answered)", percent(o.Progress()), o.Answered, o.Applicable))
	b.WriteString(wrapParts(figures, "   ", w) + "\n")
	b.WriteString(st.Muted.Render(wrap("Controls in place counts a control without evidence at 75% and partly in place at 50%; "+
		"auditable today counts only what is in place with evidence an auditor could test now.", w)) + "\n\n")
	legend, first, second := "  bar and figures: in place · auditable", readinessText, auditableText
	if typeII {
		legend, first, second = "  bar and figures: auditable · in place", auditableText, readinessText
	}
	b.WriteString(s.categoryRows(w, legend, first, second))
	var gaps []string
	for _, sev := range questionnaire.Severities {
		gaps = append(gaps, st.Severity(string(sev)).Render(string(sev))+fmt.Sprintf(" %d", ev.GapsBySeverity[sev]))
	}
	gaps[0] = st.Subtitle.Render("Gaps by severity") + "  " + gaps[0]
	b.WriteString("\n" + wrapParts(gaps, "   ", w))
	heat := []string{st.Subtitle.Render("Criteria heat map"), st.Muted.Render("controls in place ≥80% ") + st.Met.Render("■"),
		st.Muted.Render("50–79% ") + st.Partial.Render("■"), st.Muted.Render("<50% ") + st.Gap.Render("■"), st.Muted.Render("not yet scored —")}
	if st.noColor {
		// Without colour the squares say nothing; the figures do.
		heat = []string{heat[0], st.Muted.Render("controls in place per criterion; — not yet scored")}
	}
	b.WriteString("\n\n" + wrapParts(heat, "  ", w) + "\n")
	b.WriteString(s.heatMap(w))
	b.WriteString("\n" + s.listSection("Common audit findings among your gaps", ev.CommonFindings, w, "Auditors raise these in most first audits; they lead the roadmap."))
	b.WriteString(s.listSection("Don't know yet — confirm these", ev.Unknown, w, ""))
	b.WriteString(s.listSection("Flagged for follow-up", ev.Flagged, w, ""))
	b.WriteString(s.noLongerAsked(w))
	return b.String()
}

// categoryRows are the readiness bar and figures of each category with
// how many of its questions are answered. Narrower than the full row, the
// count loses its word (the heading names it) and then the bar shrinks:
// a figure is never cut.
func (s resultsScreen) categoryRows(w int, legend string, first, second func(assessment.Score) string) string {
	st := s.sh.styles
	ev := s.sess.ev
	count := func(c assessment.CategoryScore) string {
		return fmt.Sprintf("%d/%d answered", c.Answered, c.Applicable)
	}
	countW := 0
	for _, c := range ev.Categories {
		countW = max(countW, len(count(c)))
	}
	const fixed = 2 + 22 + 1 + 1 + 4 + 1 + 4 + 2 // indent, name, spaces and the two figures
	barW := max(10, w-60)
	if fixed+barW+countW > w {
		legend = strings.TrimPrefix(legend, "  bar and figures: ") + " · answered"
		count = func(c assessment.CategoryScore) string { return fmt.Sprintf("%d/%d", c.Answered, c.Applicable) }
		countW -= len(" answered")
		barW = max(4, min(barW, w-fixed-countW))
	}
	var b strings.Builder
	b.WriteString(wrapParts([]string{st.Subtitle.Render("By category"), st.Muted.Render(strings.TrimSpace(legend))}, "  ", w) + "\n")
	for _, c := range ev.Categories {
		share := c.Readiness
		if s.sess.a.Target.Type == assessment.TypeII {
			share = c.Auditable
		}
		fmt.Fprintf(&b, "  %-22s %s %s %s  %s\n", c.Category.Title(), bar(st, share, barW),
			padLeft(first(c.Score), 4), padLeft(second(c.Score), 4), st.Muted.Render(count(c)))
	}
	return b.String()
}

// noLongerAsked lists what opening under the current bank left to the
// user: answers kept from an earlier bank whose question it no longer
// asks (left out of the scores, never dropped), and the new parts of
// split questions, to answer next.
func (s resultsScreen) noLongerAsked(w int) string {
	st := s.sh.styles
	u := s.sess.upgrade
	var b strings.Builder
	if len(u.NoLongerAsked) > 0 {
		fmt.Fprintf(&b, "\n%s (%d)\n", st.Subtitle.Render("No longer asked in bank "+s.sess.qn.Version), len(u.NoLongerAsked))
		b.WriteString(st.Muted.Render(wrap("Kept from an earlier bank, left out of the scores.", w)) + "\n")
		for _, id := range u.NoLongerAsked {
			line := id + ": " + s.sess.a.Answers[id].Value.Short() + " — " + assessment.KeptReason(s.sess.qn, id)
			b.WriteString("  • " + truncate(oneLine(line), w-4) + "\n")
		}
	}
	var split []*questionnaire.Question
	for _, id := range u.NewQuestions {
		if q := s.sess.qn.Question(id); q != nil {
			if _, answered := s.sess.a.Answers[id]; !answered {
				split = append(split, q)
			}
		}
	}
	b.WriteString(s.listSection("New in bank "+s.sess.qn.Version+", split from questions you answered", split, w, ""))
	return b.String()
}

func readinessText(s assessment.Score) string {
	if s.Scored == 0 {
		return "—"
	}
	return percent(s.Readiness)
}

func auditableText(s assessment.Score) string {
	if s.Scored == 0 {
		return "—"
	}
	return percent(s.Auditable)
}

// padLeft right-aligns s in n cells.
func padLeft(s string, n int) string {
	w := lipgloss.Width(s)
	if w >= n {
		return s
	}
	return strings.Repeat(" ", n-w) + s
}

// heatMap lays the selected criteria out by series (CC1, CC2, ..., P8), one
// coloured cell each.
func (s resultsScreen) heatMap(w int) string {
	st := s.sh.styles
	var rows []string
	var row []string
	series := ""
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, wrapParts(row, " ", w))
		}
		row = nil
	}
	for _, c := range s.sess.ev.Criteria {
		prefix := criterionSeries(c.Criterion.ID)
		if prefix != series {
			flush()
			series = prefix
		}
		cell := fmt.Sprintf("%-6s", c.Criterion.ID) + padLeft(readinessText(c.Score), 4)
		row = append(row, st.Cell(c.Readiness, c.Scored > 0).Render(cell))
	}
	flush()
	return strings.Join(rows, "\n") + "\n"
}

// criterionSeries returns "CC6" for "CC6.1" and "P4" for "P4.2".
func criterionSeries(id string) string {
	if i := strings.IndexByte(id, '.'); i > 0 {
		return id[:i]
	}
	return id
}

func (s resultsScreen) listSection(title string, qs []*questionnaire.Question, w int, note string) string {
	st := s.sh.styles
	if len(qs) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s (%d)\n", st.Subtitle.Render(title), len(qs))
	if note != "" {
		b.WriteString(st.Muted.Render(wrap(note, w)) + "\n")
	}
	for _, q := range qs {
		title := q.Title
		if title == "" {
			title = q.ID
		}
		b.WriteString("  • " + truncate(oneLine(title)+": "+oneLine(q.Text), w-4) + "\n")
	}
	return b.String()
}

func (s resultsScreen) ShortHelp() []key.Binding {
	k := s.sh.keys
	if s.sess.a.ISOTarget() {
		return []key.Binding{k.Down, k.Up, k.ResultsTab, k.Roadmap, k.Export, k.Back, k.Help, k.Quit}
	}
	return []key.Binding{k.Down, k.Up, k.Roadmap, k.Export, k.Back, k.Help, k.Quit}
}

func (s resultsScreen) FullHelp() [][]key.Binding {
	k := s.sh.keys
	if s.sess.a.ISOTarget() {
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.ResultsTab, k.Roadmap, k.Export, k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Roadmap, k.Export, k.Back}}
}

func (s resultsScreen) capturesInput() bool { return false }
func (s resultsScreen) unsaved() string     { return "" }
func (s resultsScreen) handedOn() bool      { return false }
