package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// resultsTab is the framework the results screen shows.
type resultsTab int

const (
	tabSOC2 resultsTab = iota
	tabISO
)

// onISOTab reports whether the ISO tab is shown: chosen, and the target
// still on (a reload may have switched it off).
func (s resultsScreen) onISOTab() bool { return s.tab == tabISO && s.sess.a.ISOTarget() }

// isoView is the ISO/IEC 27001 view of the session's answers; the session
// computes it again after every change, a reload included.
func (s resultsScreen) isoView() assessment.ISOView { return s.sess.isoView() }

// isoGlyph is a control's heat-map character: its status reads from the
// character alone, without colour.
func isoGlyph(status assessment.ISOStatus) string {
	switch status {
	case assessment.Implemented:
		return "█"
	case assessment.ImplementedNoProof:
		return "▓"
	case assessment.PartlyImplemented:
		return "▒"
	case assessment.NotImplemented:
		return "░"
	case assessment.NotAnswered:
		return "?"
	case assessment.AllNA:
		return "-"
	}
	return "·"
}

// ismsProgress counts the applicable management-system questions and
// those answered: the questions the flow asks beyond the SOC 2 ones.
func ismsProgress(sess *session) (answered, applicable int) {
	for _, q := range sess.questions {
		if q.Category != questionnaire.ISMS {
			continue
		}
		applicable++
		if _, ok := sess.a.Answer(q.ID); ok {
			answered++
		}
	}
	return answered, applicable
}

// tabLine is the results screen's first line: the two tabs with their
// progress when the ISO target is on (SOC 2 and ISMS add up to the
// questions the flow asks), else how to switch the target on.
func (s resultsScreen) tabLine(w int) string {
	st := s.sh.styles
	if !s.sess.a.ISOTarget() {
		return st.Muted.Render(wrap("For an ISO/IEC 27001 tab, opt in on the criteria step (S on the questions).", w))
	}
	o := s.sess.ev.Overall
	ia, in := ismsProgress(s.sess)
	render := func(tabs [2]string) string {
		out := ""
		for i, t := range tabs {
			if resultsTab(i) == s.tab {
				out += st.Selected.Render("[ "+t+" ]") + " "
			} else {
				out += st.Muted.Render("  "+t+"  ") + " "
			}
		}
		return strings.TrimRight(out, " ")
	}
	line := render([2]string{fmt.Sprintf("SOC 2 · %d/%d answered", o.Answered, o.Applicable),
		fmt.Sprintf("ISO/IEC 27001:2022 · ISMS %d/%d answered", ia, in)})
	if lipgloss.Width(line) > w {
		line = render([2]string{fmt.Sprintf("SOC 2 %d/%d", o.Answered, o.Applicable), fmt.Sprintf("ISO 27001 · ISMS %d/%d", ia, in)})
	}
	return truncate(line, w)
}

// isoContent is the ISO tab: readiness per clause and per Annex A theme,
// the heat map of the 93 controls, and the controls no answer covers.
func (s resultsScreen) isoContent(w int) string {
	st := s.sh.styles
	v := s.isoView()
	var b strings.Builder
	b.WriteString(s.tabLine(w) + "\n")
	ia, in := ismsProgress(s.sess)
	soc := s.sess.ev.Overall
	b.WriteString(wrapParts([]string{
		st.Subtitle.Render("Controls in place") + " " + st.Title.Render(readinessText(v.Overall)),
		st.Subtitle.Render("Auditable today") + " " + st.Title.Render(auditableText(v.Overall)),
		st.Subtitle.Render("ISMS progress") + " " + fmt.Sprintf("%s (%d/%d)", percent(safeShare(ia, in)), ia, in),
	}, "   ", w) + "\n")
	b.WriteString(st.Muted.Render(wrap(fmt.Sprintf("The same answers through each question's ISO references, with the SOC 2 formulas. "+
		"All questions: %d/%d answered (SOC 2 %d/%d, ISMS %d/%d); the ISMS ones count in no SOC 2 figure.",
		soc.Answered+ia, soc.Applicable+in, soc.Answered, soc.Applicable, ia, in), w)) + "\n\n")

	labelW := min(40, max(14, (w-23)*2/3))
	barW := max(6, w-23-labelW)
	row := func(id, title string, sc assessment.Score, tail string) string {
		label := truncate(fmt.Sprintf("%-3s %s", id, title), labelW)
		return fmt.Sprintf("  %s%s %s %s %s  %s\n", label, strings.Repeat(" ", labelW-lipgloss.Width(label)),
			bar(st, sc.Readiness, barW), padLeft(readinessText(sc), 4), padLeft(auditableText(sc), 4), st.Muted.Render(tail))
	}
	b.WriteString(st.Subtitle.Render("Clauses 4–10") + st.Muted.Render("  in place · auditable · answered") + "\n")
	for _, c := range v.Clauses {
		b.WriteString(row(c.Clause.ID, c.Clause.Title, c.Score, fmt.Sprintf("%d/%d", c.Answered, c.Applicable)))
	}
	b.WriteString("\n" + st.Subtitle.Render("Annex A themes") + st.Muted.Render("  in place · auditable · controls assessed") + "\n")
	for i, t := range v.Themes {
		b.WriteString(row(fmt.Sprintf("A.%d", i+5), t.Theme.Title(), t.Score, fmt.Sprintf("%d/%d", t.Assessed, t.Controls)))
	}
	b.WriteString("\n" + st.Subtitle.Render("Annex A heat map") + st.Muted.Render("  one cell per control, by status") + "\n")
	b.WriteString(s.isoLegend(v, w) + "\n")
	b.WriteString(s.isoHeatMap(v))
	b.WriteString(s.notCovered(v, w))
	return strings.TrimRight(b.String(), "\n")
}

func safeShare(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// isoLegend names each status with its character and how many controls
// have it, wrapped to the width.
func (s resultsScreen) isoLegend(v assessment.ISOView, w int) string {
	st := s.sh.styles
	counts := map[assessment.ISOStatus]int{}
	for _, c := range v.Controls {
		counts[c.Status()]++
	}
	var parts []string
	for _, status := range assessment.ISOStatuses {
		parts = append(parts, st.ISOCell(status).Render(isoGlyph(status))+st.Muted.Render(fmt.Sprintf(" %s %d", status, counts[status])))
	}
	return "  " + strings.ReplaceAll(wrapParts(parts, "  ", w-2), "\n", "\n  ")
}

// isoHeatMap is one row per Annex A theme, one cell per control in Annex A
// order, in groups of five so that a control can be counted to.
func (s resultsScreen) isoHeatMap(v assessment.ISOView) string {
	st := s.sh.styles
	var b strings.Builder
	for i, t := range questionnaire.ISOThemes {
		fmt.Fprintf(&b, "  A.%d ", i+5)
		for j, c := range v.ControlsOfTheme(t) {
			if j > 0 && j%5 == 0 {
				b.WriteString(" ")
			}
			status := c.Status()
			b.WriteString(st.ISOCell(status).Render(isoGlyph(status)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// notCovered lists the controls no applicable question tests, grouped by
// why (most share a reason: a scope fact, an unselected category).
func (s resultsScreen) notCovered(v assessment.ISOView, w int) string {
	st := s.sh.styles
	missing := v.NotCovered()
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s (%d)\n", st.Subtitle.Render("Controls no answer covers yet"), len(missing))
	if len(missing) == 0 {
		b.WriteString(st.Muted.Render("  None: an applicable question tests every Annex A control.") + "\n")
		return b.String()
	}
	var reasons []string
	byReason := map[string][]questionnaire.ISOControl{}
	for _, c := range missing {
		r := strings.TrimPrefix(assessment.NotAssessedReason(s.sess.qn, s.sess.a, c.ID), "not assessed: ")
		if _, seen := byReason[r]; !seen {
			reasons = append(reasons, r)
		}
		byReason[r] = append(byReason[r], c)
	}
	for _, r := range reasons {
		b.WriteString(st.Muted.Render("  "+strings.ReplaceAll(wrap(upperFirst(r)+":", w-4), "\n", "\n  ")) + "\n")
		for _, c := range byReason[r] {
			b.WriteString("    • " + truncate(c.ID+" "+c.Title, w-6) + "\n")
		}
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// isoSummary is the ISO view in one sentence, for the line prompts of the
// accessible mode, which have no tabs.
func isoSummary(sess *session, v assessment.ISOView) string {
	ia, in := ismsProgress(sess)
	figures := "not measured yet"
	if v.Overall.Scored > 0 {
		figures = "controls in place " + percent(v.Overall.Readiness) + " · auditable today " + percent(v.Overall.Auditable)
	}
	return fmt.Sprintf("ISO/IEC 27001:2022: %s; %d of %d management-system (ISMS) questions answered; %d of %d Annex A controls no answer covers yet.",
		figures, ia, in, len(v.NotCovered()), len(v.Controls))
}
