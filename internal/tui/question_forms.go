package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// The question screen's forms: the note, evidence and owner of an answer,
// and who is answering.

func (s questionScreen) updateForm(msg tea.Msg) (questionScreen, tea.Cmd) {
	var cmd tea.Cmd
	var outcome formOutcome
	s.form, cmd, outcome = s.form.Update(msg)
	switch outcome {
	case formCancelled:
		if s.mode == modeDetails && s.details.changed(s.sess.a.Answers[s.current().ID]) {
			// The root asks before dropping typed text.
			return s, func() tea.Msg { return discardNoteMsg{} }
		}
		return s.closeForm(), nil
	case formDone:
		f := s.form.form
		mode := s.mode
		s.mode = modeAnswer
		if mode == modeWho {
			s.sh.who = oneLine(f.GetString("who"))
			s.sess.a.Answering = s.sh.who
			return s, setAnswering(s.sh, s.sess.a.UUID, s.sh.who)
		}
		q := s.current()
		ans := s.sess.a.Answers[q.ID]
		ans.Note, ans.Evidence, ans.Owner = s.details.values()
		if s.naPending {
			s.naPending = false
			ans.Value = assessment.NA
			cmd := save(q.ID, ans)
			if s.returnTo == screenQuestions && s.idx < len(s.sess.questions)-1 {
				s.idx++
			}
			return s, cmd
		}
		// A note stands with or without an answer: it never answers.
		return s, s.store(q.ID, ans)
	}
	return s, cmd
}

func whoLabel(who string) string {
	if who == "" {
		return "nobody in particular"
	}
	return who
}

// detailsValues are the note, evidence and owner the note form edits.
type detailsValues struct{ note, evidence, owner *string }

// values returns what was typed, tidied as it is stored.
func (d detailsValues) values() (note, evidence, owner string) {
	return strings.TrimSpace(*d.note), oneLine(*d.evidence), oneLine(*d.owner)
}

// changed reports whether what was typed differs from ans.
func (d detailsValues) changed(ans assessment.Answer) bool {
	note, evidence, owner := d.values()
	return note != ans.Note || evidence != ans.Evidence || owner != ans.Owner
}

// closeForm leaves the note or who form without saving.
func (s questionScreen) closeForm() questionScreen {
	s.mode, s.naPending = modeAnswer, false
	return s
}

// discardNoteMsg asks the root to confirm dropping a typed note.
type discardNoteMsg struct{}

// newDetailsForm edits the note, evidence and owner of an answer. For "na"
// the note is required.
func newDetailsForm(sh *shared, ans assessment.Answer, forNA bool) (embeddedForm, detailsValues) {
	d := detailsValues{ptr(ans.Note), ptr(ans.Evidence), ptr(ans.Owner)}
	note := newNoteField("note", "Note", d.note, assessment.MaxNoteLength)
	if forNA {
		note.title = "Why does this not apply? (required for \"not applicable\")"
		note.Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errRequiredNote
			}
			return nil
		})
	}
	return newEmbeddedForm(sh, huh.NewGroup(
		note,
		huh.NewInput().Key("evidence").Title("Evidence reference").Description("Where an auditor would find proof: a link, a ticket, a file.").Value(d.evidence),
		huh.NewInput().Key("owner").Title("Owner").Description("Who will close this gap or keep the control running.").Value(d.owner),
	)), d
}

var errRequiredNote = errorString("a short reason is required")

type errorString string

func (e errorString) Error() string { return string(e) }

func newWhoForm(sh *shared) embeddedForm {
	return newEmbeddedForm(sh, huh.NewGroup(
		huh.NewInput().Key("who").Title("Who is answering?").
			Description("Stored with each answer from now on, e.g. \"Dana (CTO)\". Empty for nobody in particular.").
			Value(ptr(sh.who)),
	))
}
