package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

func (s questionScreen) View(w, h int) string {
	q := s.current()
	st := s.sh.styles
	if q == nil {
		return st.Title.Render("No questions apply") + "\n\n" +
			wrap("With this scope and these criteria no question applies. Press S to change the scope and criteria, esc to go back.", w)
	}
	switch s.mode {
	case modeAreas:
		return s.areasView(w, h)
	case modeReading:
		return st.Muted.Render("Full help — ↑/↓ scroll, esc to close") + "\n" + s.reader.View()
	}
	top := s.progressView(q, w)
	body := s.questionView(q, w)
	var bottom string
	if s.mode == modeDetails || s.mode == modeWho {
		// The form gets the room under the question, and scrolls in it.
		room := h - lipgloss.Height(top) - lipgloss.Height(body) - 1
		return strings.Join([]string{top, body, "", s.form.View(w, room)}, "\n")
	}
	bottom = s.answerView(q, w)
	used := lipgloss.Height(top) + lipgloss.Height(body) + lipgloss.Height(bottom) + 2
	helpText := s.helpView(q, w, h-used)
	parts := []string{top, body}
	if helpText != "" {
		parts = append(parts, helpText)
	}
	parts = append(parts, bottom)
	return strings.Join(parts, "\n")
}

func (s questionScreen) progressView(q *questionnaire.Question, w int) string {
	st := s.sh.styles
	area := s.sess.qn.Area(q.Area)
	// Progress counts the questions of the flow, which with the ISO target
	// include the management-system questions that no SOC 2 score counts.
	areaDone, areaAll := s.sess.progress(q.Area)
	done, all := s.sess.progress("")
	where := fmt.Sprintf("question %d of %d", s.idx+1, len(s.sess.questions))
	title := header(st, s.titleText(area.Title, w-lipgloss.Width(where)-1), where, w)
	var unsaved string
	if n := s.sess.unsaved(); n > 0 && !s.sh.writing() {
		// Progress counts what is on screen; say what of it is not stored.
		unsaved = fmt.Sprintf("  %d NOT SAVED", n)
	}
	barW := max(6, (w-44-len(unsaved))/2)
	bars := fmt.Sprintf("%s %s %3d/%-3d   %s %s %3d/%-3d",
		st.Muted.Render("Area"), bar(st, share(areaDone, areaAll), barW), areaDone, areaAll,
		st.Muted.Render("Overall"), bar(st, share(done, all), barW), done, all) + st.Error.Render(unsaved)
	return title + "\n" + truncate(bars, w) + "\n" + st.Muted.Render(strings.Repeat("─", w))
}

// titleText names the assessment and the area in w cells: the name, which
// tells one assessment from another, keeps most of the room.
func (s questionScreen) titleText(area string, w int) string {
	name := oneLine(s.sess.a.Name)
	if name == "" {
		return truncate(area, w)
	}
	nameW := min(lipgloss.Width(name), max(16, w*3/5))
	name = truncate(name, nameW)
	if rest := w - lipgloss.Width(name) - 3; rest >= 6 {
		return name + " · " + truncate(area, rest)
	}
	return truncate(name, w)
}

func (s questionScreen) questionView(q *questionnaire.Question, w int) string {
	st := s.sh.styles
	text := st.Bold.Render(wrap(strings.TrimSpace(q.Text), w))
	meta := []string{strings.Join(q.Criteria, " "), st.Severity(string(q.Severity)).Render(string(q.Severity))}
	if q.CommonFinding {
		meta = append(meta, st.Critical.Render("common audit finding"))
	}
	work := st.Muted.Render(wrap(effortWords(q.Effort)+" "+evidenceWords(q), w))
	return text + "\n" + st.Muted.Render(truncate(strings.Join(meta, " · "), w)) + "\n" + work
}

// effortWords says in plain words how much work closing the gap takes.
func effortWords(e questionnaire.Effort) string {
	switch e {
	case questionnaire.EffortS:
		return "Closing this gap takes a few days at most."
	case questionnaire.EffortM:
		return "Closing this gap takes a few weeks."
	case questionnaire.EffortL:
		return "Closing this gap takes more than a month."
	}
	return ""
}

// evidenceWords says in plain words what an auditor looks at.
func evidenceWords(q *questionnaire.Question) string {
	switch q.Evidence {
	case questionnaire.Event:
		return "The auditor samples a record of each time it happens, so records must start now."
	case questionnaire.Periodic:
		how := "each time it is done"
		switch q.Frequency {
		case questionnaire.Monthly:
			how = "each monthly run"
		case questionnaire.Quarterly:
			how = "each quarterly run"
		case questionnaire.Semiannual:
			how = "each half-yearly run"
		case questionnaire.Annual:
			how = "each yearly run"
		}
		return "The auditor checks " + how + ", so the first must happen before the audit."
	}
	return "The auditor checks the setting as it stands."
}

// helpView shows why the question matters, as much as fits in h lines; i
// opens the rest.
func (s questionScreen) helpView(q *questionnaire.Question, w, h int) string {
	if h < 3 {
		return ""
	}
	st := s.sh.styles
	why := strings.TrimSpace(q.Help.Why)
	if why == "" {
		return ""
	}
	lines := strings.Split(wrap(questionnaire.LabelWhy+": "+why, w-2), "\n")
	more := st.Muted.Render("i: what good looks like, what the auditor asks for, first steps")
	if len(lines) > h-2 {
		lines = append(lines[:max(1, h-3)], st.Muted.Render("… i reads all, with what good looks like and first steps"))
	} else {
		lines = append(lines, more)
	}
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return "\n" + strings.Join(lines, "\n")
}

func (s questionScreen) answerView(q *questionnaire.Question, w int) string {
	st := s.sh.styles
	ans, answered := s.sess.a.Answer(q.ID)
	current := st.Muted.Render("not answered yet")
	if answered {
		current = answerStyle(st, ans.Value).Render(ans.Value.Label())
	}
	if ans.Flagged {
		current += "  " + st.High.Render("flagged for follow-up")
	}
	answerLine := "Answer: " + current
	notSaved := s.notSavedLine(q.ID, ans)
	if notSaved != "" {
		answerLine = st.Error.Render(truncate(notSaved, w))
	}
	lines := []string{st.Muted.Render(strings.Repeat("─", w)), answerLine}
	if done, all := s.sess.progress(""); all > 0 && done == all {
		lines = append(lines, st.Success.Render(truncate(fmt.Sprintf("Every question is answered (%d of %d). R shows the results, M the roadmap.", done, all), w)))
	}
	if answered || ans.HasContext() {
		var extra []string
		if ans.Note != "" {
			extra = append(extra, "Note: "+oneLine(ans.Note))
		}
		if ans.Evidence != "" {
			extra = append(extra, "Evidence: "+oneLine(ans.Evidence))
		}
		if ans.Owner != "" {
			extra = append(extra, "Owner: "+oneLine(ans.Owner))
		}
		if answered && notSaved == "" && (ans.AnsweredBy != "" || !ans.UpdatedAt.IsZero()) {
			by := "answered"
			if ans.AnsweredBy != "" {
				by += " by " + oneLine(ans.AnsweredBy)
			}
			if !ans.UpdatedAt.IsZero() {
				by += " on " + ans.UpdatedAt.Local().Format(assessment.DateLayout)
			}
			extra = append(extra, by)
		}
		if len(extra) > 0 {
			// At most two lines; the note can be read in full with e.
			wrapped := strings.Split(wrap(strings.Join(extra, " · "), w), "\n")
			if len(wrapped) > 2 {
				wrapped = append(wrapped[:1], truncate(strings.Join(wrapped[1:], " "), w))
			}
			for _, l := range wrapped {
				lines = append(lines, st.Muted.Render(l))
			}
		}
	}
	if h := s.historyLine(q.ID); h != "" {
		lines = append(lines, st.Muted.Render(truncate(h, w)))
	}
	var opts []string
	for i, v := range assessment.Values {
		label := fmt.Sprintf("%s %s", st.Key.Render(fmt.Sprintf("[%d]", i+1)), v.Short())
		if answered && ans.Value == v {
			label = st.Selected.Render(fmt.Sprintf("[%d] %s", i+1, v.Short()))
		}
		opts = append(opts, label)
	}
	lines = append(lines, wrapParts(opts, "  ", w))
	return strings.Join(lines, "\n")
}

// notSavedLine is the answer line of an answer on screen that the store
// does not hold (its write failed), saying so and how to retry; "" when
// the store holds what the screen shows, or a write is still in flight.
func (s questionScreen) notSavedLine(qid string, ans assessment.Answer) string {
	base, _, differs := s.sess.notSaved(qid)
	if !differs || s.sh.writing() {
		return ""
	}
	if base.Answered() && !ans.Answered() {
		return fmt.Sprintf("Answer: cleared — NOT SAVED, still stored as %s (⌫ again retries)", base.Value.Short())
	}
	var what []string
	for _, f := range []struct {
		name string
		same bool
	}{
		{"note", ans.Note == base.Note}, {"evidence", ans.Evidence == base.Evidence},
		{"owner", ans.Owner == base.Owner}, {"flag", ans.Flagged == base.Flagged},
	} {
		if !f.same {
			what = append(what, f.name)
		}
	}
	unsaved := strings.Join(what, ", ") + " NOT SAVED"
	if !ans.Answered() {
		return "Answer: not answered yet — " + unsaved + " (e, then save, retries)"
	}
	if ans.Value != base.Value {
		unsaved = "NOT SAVED"
	}
	return fmt.Sprintf("Answer: %s — %s (press %d again to retry)", ans.Value.Short(), unsaved, slices.Index(assessment.Values, ans.Value)+1)
}

// wrapParts lays parts out on as many lines of width w as needed.
func wrapParts(parts []string, sep string, w int) string {
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case lipgloss.Width(line+sep+p) > w:
			lines = append(lines, line)
			line = p
		default:
			line += sep + p
		}
	}
	return strings.Join(append(lines, line), "\n")
}

func answerStyle(st Styles, v assessment.Value) lipgloss.Style {
	switch v {
	case assessment.Yes:
		return st.Met
	case assessment.NoEvidence, assessment.Partial:
		return st.Partial
	case assessment.No, assessment.Unknown:
		return st.Gap
	}
	return st.Muted
}

func (s questionScreen) areasView(w, h int) string {
	st := s.sh.styles
	var lines []string
	for i, a := range s.sess.ev.Areas {
		done, all := s.sess.progress(a.Area.ID)
		label := fmt.Sprintf("%-38s %s %3d/%-3d", truncate(a.Area.Title, 38), bar(st, share(done, all), 12), done, all)
		if i == s.areaCursor {
			lines = append(lines, st.Selected.Render("› "+label))
		} else {
			lines = append(lines, "  "+label)
		}
	}
	return st.Title.Render("Jump to an area") + "\n\n" + clipLines(lines, w, h-2, s.areaCursor)
}

// historyLine sums up how a question's answer changed, newest last, when it
// changed at least once after the first answer: "Changed: 2026-08-20 Priya:
// no → partial · 2026-11-20 Dana: partial → yes".
func (s questionScreen) historyLine(qid string) string {
	var changes []string
	for _, c := range s.sess.history[qid] {
		if c.Old == "" || c.Old == c.New {
			continue // a first answer, or a change to the note only
		}
		to := assessment.Value(c.New).Short()
		if c.New == "" {
			to = "cleared"
		}
		who := ""
		if c.Who != "" {
			who = " " + oneLine(c.Who)
		}
		changes = append(changes, fmt.Sprintf("%s%s: %s → %s", c.At.Local().Format(assessment.DateLayout), who, assessment.Value(c.Old).Short(), to))
	}
	if len(changes) == 0 {
		return ""
	}
	if len(changes) > 3 {
		changes = changes[len(changes)-3:]
	}
	return "Changed: " + strings.Join(changes, " · ")
}
