package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// questionMode is what the question screen is doing.
type questionMode int

const (
	modeAnswer  questionMode = iota
	modeDetails              // editing note, evidence, owner
	modeWho                  // setting who is answering
	modeAreas                // choosing an area to jump to
	modeReading              // reading the full help and remediation
)

// questionScreen shows one question at a time and takes its answer.
type questionScreen struct {
	sh       *shared
	sess     *session
	idx      int
	mode     questionMode
	showHelp bool
	form     embeddedForm
	// naPending is set while the note that an "na" answer needs is asked.
	naPending bool
	// details holds what the note form edits, to tell typed text from
	// what is stored.
	details    detailsValues
	areaCursor int
	reader     viewport.Model
	// returnTo is the screen esc goes back to (the roadmap when opened from it).
	returnTo screenID
	// trail, when opened from the roadmap, is the roadmap's questions in
	// its order: → and ← follow it rather than the questionnaire.
	trail []string
}

// newQuestionScreen opens at question id, or else at the first unanswered.
func newQuestionScreen(sh *shared, sess *session, id string, returnTo screenID) questionScreen {
	s := questionScreen{sh: sh, sess: sess, showHelp: true, returnTo: returnTo}
	if i := sess.indexOf(id); i >= 0 {
		s.idx = i
	} else if i := sess.a.FirstUnanswered(sess.questions); i >= 0 {
		s.idx = i
	}
	return s
}

func (s questionScreen) capturesInput() bool {
	return s.mode == modeDetails || s.mode == modeWho
}

func (s questionScreen) unsaved() string {
	if s.capturesInput() {
		return "what you are typing"
	}
	return ""
}

func (s questionScreen) handedOn() bool { return false }

func (s questionScreen) current() *questionnaire.Question {
	if s.idx < 0 || s.idx >= len(s.sess.questions) {
		return nil
	}
	return s.sess.questions[s.idx]
}

func (s questionScreen) Update(msg tea.Msg) (questionScreen, tea.Cmd) {
	if s.current() == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.sh.keys.Back) {
			return s, navigate(screenHome)
		}
		return s, nil
	}
	switch s.mode {
	case modeDetails, modeWho:
		return s.updateForm(msg)
	case modeAreas:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			return s.handleAreaKey(k)
		}
	case modeReading:
		if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, s.sh.keys.Back) || key.Matches(k, s.sh.keys.ToggleHelp) || key.Matches(k, s.sh.keys.Enter)) {
			s.mode = modeAnswer
			return s, nil
		}
		var cmd tea.Cmd
		s.reader, cmd = s.reader.Update(msg)
		return s, cmd
	default:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			return s.handleKey(k)
		}
	}
	return s, nil
}

func (s questionScreen) handleKey(msg tea.KeyPressMsg) (questionScreen, tea.Cmd) {
	k := s.sh.keys
	q := s.current()
	for i, b := range k.Answer {
		if key.Matches(msg, b) {
			return s.answer(assessment.Values[i])
		}
	}
	switch {
	case s.trail != nil && (key.Matches(msg, k.Next) || key.Matches(msg, k.Skip)):
		return s.alongTrail(+1)
	case s.trail != nil && key.Matches(msg, k.Prev):
		return s.alongTrail(-1)
	case key.Matches(msg, k.Next), key.Matches(msg, k.Skip):
		if s.idx == len(s.sess.questions)-1 {
			return s, status(s.lastQuestionText(), false)
		}
		s.idx++
	case key.Matches(msg, k.Prev):
		s.idx = max(0, s.idx-1)
	case key.Matches(msg, k.Top):
		s.idx = 0
	case key.Matches(msg, k.Bottom):
		s.idx = len(s.sess.questions) - 1
	case key.Matches(msg, k.NextUnanswered):
		return s.nextUnanswered()
	case key.Matches(msg, k.ToggleHelp):
		s.mode = modeReading
		s.reader = newReader(s.sh, q)
	case key.Matches(msg, k.Flag):
		// A flag stands with or without an answer: it never answers.
		ans := s.sess.a.Answers[q.ID]
		ans.Flagged = !ans.Flagged
		return s, s.store(q.ID, ans)
	case key.Matches(msg, k.Clear):
		// Clears the value only: the note, evidence, owner and flag stay.
		ans := s.sess.a.Answers[q.ID]
		if _, _, differs := s.sess.notSaved(q.ID); ans.Value == "" && !differs {
			return s, status("No answer to clear", false)
		}
		ans.Value = ""
		return s, s.store(q.ID, ans)
	case key.Matches(msg, k.Details):
		s.mode = modeDetails
		s.form, s.details = newDetailsForm(s.sh, s.sess.a.Answers[q.ID], false)
		return s, s.form.Init()
	case key.Matches(msg, k.Who):
		s.mode = modeWho
		s.form = newWhoForm(s.sh)
		return s, s.form.Init()
	case key.Matches(msg, k.Jump):
		s.mode = modeAreas
		s.areaCursor = s.areaIndex(q.Area)
	case key.Matches(msg, k.Results):
		return s, navigate(screenResults)
	case key.Matches(msg, k.Roadmap):
		return s, navigate(screenRoadmap)
	case key.Matches(msg, k.Export):
		return s, navigate(screenExport)
	case key.Matches(msg, k.EditScope):
		return s, navigate(screenScope)
	case key.Matches(msg, k.Back):
		if s.returnTo == screenRoadmap {
			id := q.ID
			return s, func() tea.Msg { return backToRoadmapMsg{id: id} }
		}
		if s.returnTo != screenQuestions {
			return s, navigate(s.returnTo)
		}
		return s, navigate(screenHome)
	}
	return s, nil
}

// answer records a value; "na" first asks for the note it needs.
func (s questionScreen) answer(v assessment.Value) (questionScreen, tea.Cmd) {
	q := s.current()
	ans := s.sess.a.Answers[q.ID]
	if v == assessment.NA && strings.TrimSpace(ans.Note) == "" {
		s.mode, s.naPending = modeDetails, true
		s.form, s.details = newDetailsForm(s.sh, ans, true)
		return s, s.form.Init()
	}
	ans.Value = v
	cmd := save(q.ID, ans)
	if s.returnTo == screenQuestions && s.idx < len(s.sess.questions)-1 {
		s.idx++
	}
	return s, cmd
}

// store saves a record that may hold no answer, only a flag or a note;
// one left with nothing at all is removed.
func (s questionScreen) store(qid string, ans assessment.Answer) tea.Cmd {
	if !ans.Answered() && !ans.HasContext() {
		_, onScreen := s.sess.a.Answers[qid]
		if _, stored, _ := s.sess.notSaved(qid); !onScreen && !stored {
			return nil
		}
		return func() tea.Msg { return clearAnswerMsg{qid} }
	}
	return save(qid, ans)
}

func save(qid string, ans assessment.Answer) tea.Cmd {
	return func() tea.Msg { return saveAnswerMsg{questionID: qid, answer: ans} }
}

// alongTrail moves to the next (dir +1) or previous roadmap item.
func (s questionScreen) alongTrail(dir int) (questionScreen, tea.Cmd) {
	at := slices.Index(s.trail, s.current().ID)
	next := at + dir
	if at < 0 || next < 0 || next >= len(s.trail) {
		return s, status("No more roadmap items that way; esc returns to the roadmap", false)
	}
	if i := s.sess.indexOf(s.trail[next]); i >= 0 {
		s.idx = i
	}
	return s, nil
}

// backToRoadmapMsg returns to the roadmap, on the item of question id.
type backToRoadmapMsg struct{ id string }

// lastQuestionText says that there is no next question, and what is left.
func (s questionScreen) lastQuestionText() string {
	o := s.sess.ev.Overall
	if o.Answered == o.Applicable {
		return "That was the last question, and every one is answered. R shows the results, M the roadmap."
	}
	return fmt.Sprintf("That was the last question; %d are unanswered (u finds them). R shows the results, M the roadmap.", o.Applicable-o.Answered)
}

func (s questionScreen) nextUnanswered() (questionScreen, tea.Cmd) {
	n := len(s.sess.questions)
	for step := 1; step <= n; step++ {
		i := (s.idx + step) % n
		if _, ok := s.sess.a.Answer(s.sess.questions[i].ID); !ok {
			s.idx = i
			return s, nil
		}
	}
	return s, status("Every question is answered. R shows the results, M the roadmap.", false)
}

func (s questionScreen) areaIndex(id string) int {
	for i, a := range s.sess.ev.Areas {
		if a.Area.ID == id {
			return i
		}
	}
	return 0
}

func (s questionScreen) handleAreaKey(msg tea.KeyPressMsg) (questionScreen, tea.Cmd) {
	k := s.sh.keys
	areas := s.sess.ev.Areas
	switch {
	case key.Matches(msg, k.Up):
		s.areaCursor = max(0, s.areaCursor-1)
	case key.Matches(msg, k.Down):
		s.areaCursor = min(len(areas)-1, s.areaCursor+1)
	case key.Matches(msg, k.Back), key.Matches(msg, k.Jump):
		s.mode = modeAnswer
	case key.Matches(msg, k.Enter):
		s.mode = modeAnswer
		s.idx = s.firstInArea(areas[s.areaCursor].Area.ID)
	}
	return s, nil
}

// firstInArea is the first unanswered question of an area, else its first.
func (s questionScreen) firstInArea(area string) int {
	first := -1
	for i, q := range s.sess.questions {
		if q.Area != area {
			continue
		}
		if first < 0 {
			first = i
		}
		if _, ok := s.sess.a.Answer(q.ID); !ok {
			return i
		}
	}
	return max(first, 0)
}

// newReader shows the whole help of a question: why it matters, what
// good looks like, what the auditor asks for, and the first steps.
func newReader(sh *shared, q *questionnaire.Question) viewport.Model {
	w, h := sh.contentW, sh.bodyH-1
	vp := viewport.New(viewport.WithWidth(w), viewport.WithHeight(h))
	st := sh.styles
	parts := []string{st.Title.Render(oneLine(questionTitle(q))), st.Bold.Render(wrap(oneLine(q.Text), w))}
	for _, sec := range q.Help.Sections() {
		body := strings.TrimSpace(sec.Text)
		if len(sec.Steps) > 0 {
			body = q.Help.NumberedSteps()
		}
		parts = append(parts, st.Subtitle.Render(sec.Label)+"\n"+wrap(body, w))
	}
	vp.SetContent(strings.Join(parts, "\n\n"))
	return vp
}

// questionTitle is a question's title, or its ID when it has none.
func questionTitle(q *questionnaire.Question) string {
	if q.Title != "" {
		return q.Title
	}
	return q.ID
}

func (s questionScreen) ShortHelp() []key.Binding {
	k := s.sh.keys
	if s.mode == modeAreas {
		return []key.Binding{k.Up, k.Down, k.Enter, k.Back}
	}
	if s.mode == modeReading {
		return []key.Binding{k.Up, k.Down, k.Back}
	}
	if s.capturesInput() {
		return s.form.ShortHelp()
	}
	return []key.Binding{k.Move, k.NextUnanswered, k.Details, k.Flag, k.Jump, k.ToggleHelp, k.Roadmap, k.Help}
}

func (s questionScreen) FullHelp() [][]key.Binding {
	k := s.sh.keys
	return [][]key.Binding{
		k.Answer[:],
		{k.Next, k.Prev, k.Skip, k.NextUnanswered, k.Top, k.Bottom, k.Jump, k.Clear},
		{k.ToggleHelp, k.Details, k.Flag, k.Who, k.EditScope, k.Results, k.Roadmap, k.Export, k.Back},
	}
}
