// Package tui is gapmap's full-screen program: one root model that routes
// between one model per screen. It holds no domain logic: it shows state
// from assessment, roadmap and report, and sends intents to the store.
package tui

import (
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
	Now      func() time.Time
}

// shared is the context every screen reads: size, styles, keys, services.
type shared struct {
	opts   Options
	styles Styles
	keys   keyMap
	width  int
	height int
	who    string
	writer *writer
	// names maps the name of each stored assessment to its ID, as last
	// listed, so that a form can refuse a taken name as it is typed.
	names map[string]int64
}

// nameTaken reports whether an assessment other than id has a name.
func (sh *shared) nameTaken(id int64) func(string) bool {
	names := sh.names
	return func(name string) bool {
		other, ok := names[name]
		return ok && other != id
	}
}

func (sh *shared) now() time.Time {
	if sh.opts.Now != nil {
		return sh.opts.Now()
	}
	return time.Now()
}

// session is the open assessment and what is derived from it.
type session struct {
	a         *assessment.Assessment
	qn        *questionnaire.Questionnaire
	questions []*questionnaire.Question
	ev        assessment.Evaluation
	plan      *roadmap.Plan
	// history holds each question's answer changes, oldest first: what
	// the store recorded when the assessment was opened, then the changes
	// made since.
	history map[string][]store.Change
}

func newSession(a *assessment.Assessment, qn *questionnaire.Questionnaire) *session {
	s := &session{a: a, qn: qn}
	s.refresh()
	return s
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
