// Package tui is gapmap's full-screen program: one root model that routes
// between one model per screen. It holds no domain logic: it shows state
// from assessment, roadmap and report, and sends intents to the store.
package tui

import (
	"context"
	"log/slog"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/store"
)

// Options configure the program.
type Options struct {
	Store *store.Store
	// Questionnaire resolves a questionnaire ID; DefaultQuestionnaire is the
	// one new assessments use.
	Questionnaire        func(id string) (*questionnaire.Questionnaire, error)
	DefaultQuestionnaire string
	NoColor              bool
	// Who is the initial "who is answering" name.
	Who string
	// OpenName opens this assessment on the results screen at start.
	OpenName string
	Log      *slog.Logger
	// PollInterval is how often the open assessment's revision is read
	// to notice other writers: 0 means a second, negative never.
	PollInterval time.Duration
	Now          func() time.Time
}

// shared is the context every screen reads: size, styles, keys, services.
type shared struct {
	opts   Options
	styles Styles
	keys   keyMap
	// The terminal's size, and the layout computed from it once per
	// resize: the width screens lay out for, the left margin that centres
	// it, and the lines left for a screen under which the status line and
	// the footer sit.
	width, height   int
	contentW, bodyH int
	margin          int
	who             string
	// asciiOnly is set when the terminal reports it shows no colour (a
	// dumb terminal, say), beyond NO_COLOR which Styles already knows.
	asciiOnly bool
	writer    *writer
	// answers takes the answer writes: the store, or in tests a store
	// that fails on purpose.
	answers answerWriter
	// names maps the name of each stored assessment to its ID, as last
	// listed, so that a form can refuse a taken name as it is typed.
	names map[string]int64
}

// resize records the terminal's size and lays the frame out for it.
func (sh *shared) resize(w, h int) {
	sh.width, sh.height = w, h
	// Lines longer than maxContentWidth are hard to read; wide terminals
	// get margin on both sides.
	sh.contentW = max(1, min(w-2, maxContentWidth))
	sh.margin = max(1, (w-sh.contentW)/2)
	sh.bodyH = max(1, h-2)
}

// rememberNames keeps the names of the assessments just listed.
func (sh *shared) rememberNames(msg listLoadedMsg) {
	if msg.err != nil || msg.partial {
		return // the names of a first page are not all the names
	}
	sh.names = map[string]int64{}
	for _, in := range msg.infos {
		sh.names[in.Name] = in.ID
	}
}

// nameTaken reports whether an assessment other than id has a name.
func (sh *shared) nameTaken(id int64) func(string) bool {
	names := sh.names
	return func(name string) bool {
		// As the store compares them: without regard to case.
		for other, otherID := range names {
			if otherID != id && assessment.SameName(name, other) {
				return true
			}
		}
		return false
	}
}

func (sh *shared) now() time.Time {
	if sh.opts.Now != nil {
		return sh.opts.Now()
	}
	return time.Now()
}

// answerWriter is the part of the store that answer writes use.
type answerWriter interface {
	SaveAnswer(ctx context.Context, uuid, qid string, prev, ans assessment.Answer, sum assessment.Summary) error
	ClearAnswer(ctx context.Context, uuid, qid string, prev assessment.Answer, who string, sum assessment.Summary) error
}

// session is the open assessment and what is derived from it.
type session struct {
	a         *assessment.Assessment
	qn        *questionnaire.Questionnaire
	questions []*questionnaire.Question
	ev        assessment.Evaluation
	plan      *roadmap.Plan
	iso       *assessment.ISOView
	// history holds each question's answer changes, oldest first: what
	// the store recorded when the assessment was opened, then the changes
	// made since.
	history map[string][]store.Change
	// base is each answer as the store holds it (see baseline).
	base *baseline
	// upgrade is what opening the assessment under the current version of
	// its questionnaire moved or left as no longer asked.
	upgrade assessment.Upgrade
}

func newSession(a *assessment.Assessment, qn *questionnaire.Questionnaire) *session {
	s := &session{a: a, qn: qn, base: newBaseline(a.Answers)}
	s.refresh()
	return s
}

// progress counts the flow's questions of an area ("" for all) and how
// many of them are answered. A flag or a note alone is not an answer.
func (s *session) progress(area string) (answered, total int) {
	for _, q := range s.questions {
		if area != "" && q.Area != area {
			continue
		}
		total++
		if _, ok := s.a.Answer(q.ID); ok {
			answered++
		}
	}
	return answered, total
}

// notSaved reports whether the answer to qid on screen is not the one the
// store holds, and returns the stored one (stored false: none). A write
// that failed leaves the user's answer on screen, to be retried; a write
// in flight differs too until it lands, so ask only when none is.
func (s *session) notSaved(qid string) (base assessment.Answer, stored, differs bool) {
	base, stored = s.base.lookup(qid)
	mine, onScreen := s.a.Answers[qid]
	return base, stored, stored != onScreen || (stored && !base.SameContent(mine))
}

// unsaved counts the answers on screen that the store does not hold (as
// notSaved, only meaningful when no write is in flight).
func (s *session) unsaved() int {
	return s.base.changed(s.a.Answers)
}

// writing reports whether some write has not reported back yet.
func (sh *shared) writing() bool {
	return sh.writer != nil && sh.writer.pending()
}

// share is done/all, or 0 when there is nothing.
func share(done, all int) float64 {
	if all == 0 {
		return 0
	}
	return float64(done) / float64(all)
}

// lastWho is who gave the assessment's most recent answer, or "": who is
// answering carries over from one session to the next, per assessment.
func (s *session) lastWho() string {
	var who string
	var at time.Time
	for _, ans := range s.a.Answers {
		if ans.AnsweredBy != "" && ans.UpdatedAt.After(at) {
			who, at = ans.AnsweredBy, ans.UpdatedAt
		}
	}
	return who
}

// record appends an answer change to the session's history.
func (s *session) record(c store.Change) {
	if s.history == nil {
		s.history = map[string][]store.Change{}
	}
	s.history[c.QuestionID] = append(s.history[c.QuestionID], c)
}

// refresh recomputes what depends on the answers and the setup.
func (s *session) refresh() {
	s.questions = s.a.Applicable(s.qn)
	s.ev = assessment.Evaluate(s.qn, s.a)
	s.plan = nil
	s.iso = nil
}

// isoView builds the ISO/IEC 27001 view on first use after a change, not
// on every frame the results screen draws.
func (s *session) isoView() assessment.ISOView {
	if s.iso == nil {
		v := assessment.EvaluateISO(s.qn, s.a)
		s.iso = &v
	}
	return *s.iso
}

// roadmap builds the plan on first use after a change.
func (s *session) roadmap() roadmap.Plan {
	if s.plan == nil {
		p := roadmap.Build(s.qn, s.a)
		s.plan = &p
	}
	return *s.plan
}

// indexOf returns the position of a question among the applicable ones.
func (s *session) indexOf(id string) int {
	for i, q := range s.questions {
		if q.ID == id {
			return i
		}
	}
	return -1
}
