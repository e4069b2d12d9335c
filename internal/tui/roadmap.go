package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/roadmap"
)

// roadmapScreen shows the plan by phase with each item's rationale and the
// timeline; enter opens the question behind an item.
type roadmapScreen struct {
	sh     *shared
	sess   *session
	plan   roadmap.Plan
	cursor int
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
	switch {
	case key.Matches(k, keys.Down):
		s.cursor = min(n-1, s.cursor+1)
	case key.Matches(k, keys.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, keys.PageDown):
		s.cursor = min(n-1, s.cursor+page)
	case key.Matches(k, keys.PageUp):
		s.cursor = max(0, s.cursor-page)
	case key.Matches(k, keys.Top):
		s.cursor = 0
	case key.Matches(k, keys.Bottom):
		s.cursor = n - 1
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
	title := header(st, "Roadmap: "+truncate(oneLine(s.sess.a.Name), w/2), fmt.Sprintf("%d items", len(s.plan.Items)), w)
	timeline := s.timelineView(w)
	if len(s.plan.Items) == 0 {
		msg := "No gaps yet. Items appear here for every question answered not in place, partly in place, in place without evidence, or don't know."
		return title + "\n" + timeline + "\n\n" + wrap(msg, w)
	}
	if w != s.width {
		s.layout(w)
	}
	bodyH := h - 2 - strings.Count(timeline, "\n") - 2
	cursorLine := s.itemLine[s.cursor]
	visible := scrollTo(s.lines, w, bodyH, cursorLine, func(i int) string {
		if i == cursorLine {
			return s.selectedLine(w)
		}
		return s.lines[i]
	})
	return title + "\n" + timeline + "\n\n" + visible
}

func (s roadmapScreen) timelineView(w int) string {
	st := s.sh.styles
	t := s.plan.Timeline
	line := fmt.Sprintf("Type I ready in about %s", weeks(t.ReadinessWeeks))
	if t.Ready != nil {
		line += " (" + t.Ready.Format("2006-01-02") + ")"
	}
	if t.Type == assessment.TypeII {
		line += fmt.Sprintf(" · then a %d-month window and ~%d weeks of fieldwork: earliest Type II report in about %s", t.WindowMonths, t.FieldworkWeeks, weeks(t.ReportWeeks))
	} else {
		line += fmt.Sprintf(" · Type I report about %s from now, after ~%d weeks of audit work", weeks(t.ReportWeeks), t.FieldworkWeeks)
	}
	if t.Report != nil {
		line += " (" + t.Report.Format("2006-01-02") + ")"
	}
	capacity := fmt.Sprintf("Based on %s person-weeks of work and %s available.", strings.TrimSuffix(fmt.Sprintf("%.1f", t.WorkWeeks), ".0"), people(t.Capacity))
	return st.Bold.Render(wrap(line, w)) + "\n" + st.Muted.Render(wrap(capacity, w))
}

func weeks(n int) string {
	if n == 1 {
		return "1 week"
	}
	return fmt.Sprintf("%d weeks", n)
}

func people(c float64) string {
	if c == 1 {
		return "1 person"
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", c), "0"), ".") + " people"
}

// layout renders every phase and item, unselected, for width w.
func (s *roadmapScreen) layout(w int) {
	st := s.sh.styles
	s.width, s.lines, s.itemLine = w, nil, make([]int, len(s.plan.Items))
	phase := roadmap.Phase(-1)
	for i, it := range s.plan.Items {
		if it.Phase != phase {
			phase = it.Phase
			if len(s.lines) > 0 {
				s.lines = append(s.lines, "")
			}
			s.lines = append(s.lines, st.Subtitle.Render(phase.Title()))
		}
		s.itemLine[i] = len(s.lines)
		q := it.Question
		meta := fmt.Sprintf("%s · %s · effort %s · %s", st.Severity(string(q.Severity)).Render(string(q.Severity)), strings.Join(q.Criteria, " "), q.Effort, it.Answer.Value.Short())
		if it.Answer.Owner != "" {
			meta += " · owner " + oneLine(it.Answer.Owner)
		}
		s.lines = append(s.lines, "  "+truncate(oneLine(q.Text), w-4), "    "+st.Muted.Render(truncate(meta, w-4)))
		for _, r := range strings.Split(wrap("why: "+it.Rationale, w-4), "\n") {
			s.lines = append(s.lines, "    "+st.Muted.Render(r))
		}
	}
}

// selectedLine is the first line of the selected item, highlighted.
func (s roadmapScreen) selectedLine(w int) string {
	st := s.sh.styles
	q := s.plan.Items[s.cursor].Question
	return st.Selected.Render("› ") + st.Selected.Render(truncate(oneLine(q.Text), w-4))
}

// scrollTo shows h lines around line target, keeping a little context;
// line(i) gives the text of line i.
func scrollTo(lines []string, w, h, target int, line func(int) string) string {
	if h < 1 {
		return ""
	}
	start := 0
	if target > h/3 {
		start = min(target-h/3, max(0, len(lines)-h))
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
