package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// roadmapScreen shows the plan by phase with each item's rationale and the
// timeline; enter opens the question behind an item.
type roadmapScreen struct {
	sh   *shared
	sess *session
	plan roadmap.Plan
	// cursor is the selected item's index in plan.Items. The screen groups
	// items by phase and work package, so the keys walk order (the items
	// as displayed) and pos (an item's place in it), not plan.Items.
	cursor int
	order  []int
	pos    []int
	// The plan laid out once per width: every line unselected, and where
	// each item starts. A key press only restyles the selected line.
	width    int
	lines    []string
	itemLine []int
}

func newRoadmapScreen(sh *shared, sess *session) roadmapScreen {
	s := roadmapScreen{sh: sh, sess: sess, plan: sess.roadmap()}
	s.layout(sh.contentW)
	return s
}

func (s roadmapScreen) Update(msg tea.Msg) (roadmapScreen, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		s.layout(s.sh.contentW)
		return s, nil
	}
	if _, ok := msg.(tea.BackgroundColorMsg); ok {
		s.layout(s.sh.contentW)
		return s, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	keys := s.sh.keys
	n := len(s.plan.Items)
	page := max(1, (s.sh.bodyH-8)/3)
	move := func(by int) {
		if n > 0 {
			s.cursor = s.order[max(0, min(n-1, s.displayed()+by))]
		}
	}
	switch {
	case key.Matches(k, keys.Down):
		move(1)
	case key.Matches(k, keys.Up):
		move(-1)
	case key.Matches(k, keys.PageDown):
		move(page)
	case key.Matches(k, keys.PageUp):
		move(-page)
	case key.Matches(k, keys.Top):
		move(-n)
	case key.Matches(k, keys.Bottom):
		move(n)
	case key.Matches(k, keys.OpenItem):
		if s.cursor >= 0 && s.cursor < n {
			id := s.plan.Items[s.cursor].Question.ID
			return s, func() tea.Msg { return openQuestionMsg{id: id} }
		}
	case key.Matches(k, keys.Results):
		return s, navigate(screenResults)
	case key.Matches(k, keys.Export):
		return s, navigate(screenExport)
	case key.Matches(k, keys.Back), key.Matches(k, keys.Roadmap):
		return s, navigate(screenQuestions)
	}
	s.cursor = max(0, s.cursor)
	return s, nil
}

func (s roadmapScreen) View(w, h int) string {
	st := s.sh.styles
	note := fmt.Sprintf("%d items · %d in Now", len(s.plan.Items), len(s.plan.Phase(roadmap.Now)))
	title := header(st, "Roadmap: "+truncate(oneLine(s.sess.a.Name), w/2), note, w)
	if w != s.width {
		s.layout(w)
	}
	bodyH := h - 2
	if len(s.plan.Items) == 0 {
		msg := "No gaps yet. Items appear here for every question answered not in place, partly in place, in place without evidence, or don't know."
		return title + "\n\n" + strings.Join(s.lines, "\n") + "\n\n" + wrap(msg, w)
	}
	sel := s.itemLine[s.cursor]
	visible := clipFrom(s.lines, w, bodyH, s.scrollStart(bodyH), func(i int) string {
		if i == sel {
			return s.selectedLine(w)
		}
		return s.lines[i]
	})
	return title + "\n\n" + visible
}

// shownIDs are the questions of the plan's items in the order shown:
// the order → follows from an item opened here.
func (s roadmapScreen) shownIDs() []string {
	ids := make([]string, len(s.order))
	for p, i := range s.order {
		ids[p] = s.plan.Items[i].Question.ID
	}
	return ids
}

// displayed is the selected item's place in the order shown.
func (s roadmapScreen) displayed() int {
	if s.cursor < 0 || s.cursor >= len(s.pos) {
		return 0
	}
	return s.pos[s.cursor]
}

// scrollStart is the first line shown in h lines. The summary above the
// items shows with the first item, and the end of the plan (the window
// calendar) with the last, as far as the screen allows: the selected
// item always shows, its whole block when it fits, and the summary gives
// way at small heights.
func (s roadmapScreen) scrollStart(h int) int {
	sel := s.itemLine[s.cursor]
	end := len(s.lines) // the line after the selected item's block
	if p := s.displayed() + 1; p < len(s.order) {
		end = s.itemLine[s.order[p]]
	} else if len(s.order) > 0 {
		end = sel + len(s.itemLines(s.plan.Items[s.cursor], "  ", s.width))
	}
	start := sel - h/3
	switch s.displayed() {
	case 0:
		start = 0
	case len(s.order) - 1:
		start = len(s.lines) - h
	}
	start = max(start, min(end, len(s.lines))-h) // the block's end shows
	start = min(start, sel)                      // its first line above all
	return max(0, min(start, len(s.lines)-h))
}

// figuresLine is the two readiness figures on one line, the one that
// leads under the target type first: "Auditable today 30% · controls in
// place 50%".
func figuresLine(o assessment.Score, report assessment.ReportType) string {
	if o.Scored == 0 {
		return "Readiness: not measured yet, no question is answered"
	}
	inPlace, evidenced := "controls in place "+percent(o.Readiness), "auditable today "+percent(o.Auditable)
	if report == assessment.TypeII {
		return "Auditable today " + percent(o.Auditable) + " · " + inPlace
	}
	return "Controls in place " + percent(o.Readiness) + " · " + evidenced
}

// summaryLines are the readiness figures and the dates, caveats and target
// of the plan: the same sentences the Markdown summary has.
func (s roadmapScreen) summaryLines(w int) []string {
	st := s.sh.styles
	var out []string
	add := func(f report.Fact, style lipgloss.Style) {
		for _, l := range strings.Split(wrap(f.Label+": "+f.Text, w), "\n") {
			out = append(out, style.Render(l))
		}
	}
	out = append(out, st.Bold.Render(wrap(figuresLine(s.sess.ev.Overall, s.sess.a.Target.Type), w)))
	for _, f := range report.TimelineFactsOn(s.sess.a, s.sess.ev, s.plan, s.sh.now()) {
		style := st.Text
		switch f.Label {
		case "Caveats", "Remediation work":
			style = st.Muted
		case "Ready for a Type I audit", "Type I report", "Earliest Type II report":
			style = st.Bold
		}
		add(f, style)
	}
	return out
}

// layout renders the summary, every phase with its entries and items,
// unselected, and the window calendar, for width w.
func (s *roadmapScreen) layout(w int) {
	st := s.sh.styles
	s.width, s.itemLine = w, make([]int, len(s.plan.Items))
	s.order, s.pos = make([]int, 0, len(s.plan.Items)), make([]int, len(s.plan.Items))
	s.lines = s.summaryLines(w)
	at := map[string]int{}
	for i, it := range s.plan.Items {
		at[it.ID()] = i
	}
	for _, ph := range roadmap.Phases {
		entries := s.plan.Entries(ph)
		if len(entries) == 0 {
			continue
		}
		s.lines = append(s.lines, "", st.Subtitle.Render(ph.Title()))
		for _, e := range entries {
			indent := "  "
			if e.Package != nil {
				head := "▸ " + e.Package.Title
				if ph == roadmap.Now {
					head += " — " + e.Reason().Title()
				}
				s.lines = append(s.lines, "  "+st.Accent.Render(truncate(oneLine(head), w-2)))
				indent = "    "
			}
			for _, it := range e.Items {
				i := at[it.ID()]
				s.itemLine[i], s.pos[i] = len(s.lines), len(s.order)
				s.order = append(s.order, i)
				s.lines = append(s.lines, s.itemLines(it, indent, w)...)
			}
		}
	}
	s.lines = append(s.lines, s.windowLines(w)...)
}

// itemLines are an item's title, a line of facts and why it is there.
func (s *roadmapScreen) itemLines(it roadmap.Item, indent string, w int) []string {
	st := s.sh.styles
	q := it.Question
	meta := fmt.Sprintf("%s · %s · effort %s · %s", st.Severity(string(q.Severity)).Render(string(q.Severity)),
		strings.Join(q.Criteria, " "), q.Effort, it.Answer.Value.Short())
	if it.LeadTimeWeeks > 0 {
		meta += fmt.Sprintf(" · lead time %s weeks", strings.TrimSuffix(fmt.Sprintf("%.1f", it.LeadTimeWeeks), ".0"))
	}
	if run, ok := s.plan.Timeline.Window.RunOf(q.ID); ok {
		meta += " · runs in " + report.WindowMonths(run.Months)
	}
	if it.Answer.Owner != "" {
		meta += " · owner " + oneLine(it.Answer.Owner)
	}
	sub := indent + "  "
	out := []string{indent + truncate(oneLine(it.Title), w-len(indent))}
	// The facts wrap rather than lose a lead time or an owner at 60
	// columns.
	for _, r := range strings.Split(wrap(meta, w-len(sub))+"\n"+wrap("why: "+it.Rationale, w-len(sub)), "\n") {
		out = append(out, sub+st.Muted.Render(r))
	}
	return out
}

// windowLines lay the Type II observation window out month by month, as
// the Markdown does.
func (s *roadmapScreen) windowLines(w int) []string {
	st := s.sh.styles
	win := s.plan.Timeline.Window
	if win == nil || len(win.Runs) == 0 {
		return nil
	}
	out := []string{"", st.Subtitle.Render("During the observation window")}
	var setUp []string
	for _, r := range win.Runs {
		if r.Gap {
			setUp = append(setUp, r.Title)
		}
	}
	if len(setUp) > 0 {
		for _, l := range strings.Split(wrap("Set up before it opens: "+strings.Join(setUp, ", "), w-2), "\n") {
			out = append(out, "  "+st.Muted.Render(l))
		}
	}
	for m := 1; m <= win.Months; m++ {
		head := fmt.Sprintf("Month %d", m)
		if start := win.MonthStart(m); start != nil {
			head += " (from " + start.Format("2006-01-02") + ")"
		}
		var names []string
		for _, r := range win.RunsIn(m) {
			names = append(names, r.Title)
		}
		text := "no recurring run due"
		if len(names) > 0 {
			text = strings.Join(names, "; ")
		}
		for i, l := range strings.Split(wrap(head+": "+text, w-4), "\n") {
			if i == 0 {
				out = append(out, "  "+l)
			} else {
				out = append(out, "    "+l)
			}
		}
	}
	return out
}

// selectedLine is the first line of the selected item, highlighted.
func (s roadmapScreen) selectedLine(w int) string {
	st := s.sh.styles
	it := s.plan.Items[s.cursor]
	indent := "  "
	if it.Package != "" {
		indent = "    "
	}
	return indent[2:] + st.Selected.Render("› ") + st.Selected.Render(truncate(oneLine(it.Title), w-len(indent)))
}

// clipFrom shows h lines from line start, each cut to w cells; line(i)
// gives the text of line i.
func clipFrom(lines []string, w, h, start int, line func(int) string) string {
	if h < 1 {
		return ""
	}
	end := min(len(lines), start+h)
	out := make([]string, 0, end-start)
	for i := start; i < end; i++ {
		out = append(out, truncate(line(i), w))
	}
	return strings.Join(out, "\n")
}

func (s roadmapScreen) ShortHelp() []key.Binding {
	k := s.sh.keys
	return []key.Binding{k.Down, k.Up, k.OpenItem, k.Results, k.Export, k.Back, k.Help}
}

func (s roadmapScreen) FullHelp() [][]key.Binding {
	k := s.sh.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.OpenItem, k.Results, k.Export, k.Back}}
}

func (s roadmapScreen) capturesInput() bool { return false }
func (s roadmapScreen) unsaved() string     { return "" }
func (s roadmapScreen) handedOn() bool      { return false }
