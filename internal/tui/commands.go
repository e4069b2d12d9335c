package tui

import (
	"context"
	"maps"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/store"
)

// Messages that carry the results of I/O back into Update.
type (
	listLoadedMsg struct {
		infos []store.Info
		err   error
		// total is how many assessments there are; partial says infos
		// holds only the first of them (the full list is on its way).
		total   int
		partial bool
		// stamp is the store's ListStamp read just before infos, when
		// stamped (not for a first page: at 10,000 assessments it would
		// cost the first frame 2 ms).
		stamp   store.ListStamp
		stamped bool
	}
	assessmentLoadedMsg struct {
		sess *session
		err  error
		// then says which screen to show once it is open.
		then screenID
	}
	answerSavedMsg struct {
		questionID string
		value      assessment.Value
		cleared    bool
		// answer is what the write stored (not set for a clear).
		answer assessment.Answer
		err    error
	}
	setupSavedMsg struct {
		created bool
		// prev is the setup the form was opened on; a the setup that was
		// to replace it, as stored when err is nil.
		prev, a *assessment.Assessment
		err     error
	}
	deletedMsg struct {
		name string
		err  error
	}
	renamedMsg struct {
		from, to string
		err      error
	}
	duplicatedMsg struct {
		name string
		err  error
	}
	statusMsg struct {
		text  string
		isErr bool
	}
	clearStatusMsg struct{ seq int }
)

// Navigation intents, sent by screens and handled by the root.
type (
	// openAssessmentMsg names the assessment by UUID: a row ID read
	// with a list may belong to another assessment by now.
	openAssessmentMsg struct {
		uuid string
		then screenID
	}
	newAssessmentMsg struct{}
	gotoMsg          struct{ screen screenID }
	openQuestionMsg  struct{ id string }
	saveAnswerMsg    struct {
		questionID string
		answer     assessment.Answer
	}
	clearAnswerMsg struct{ questionID string }
)

const ioTimeout = 10 * time.Second

func loadList(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		stamp, err := st.Stamp(ctx)
		if err != nil {
			return listLoadedMsg{err: err}
		}
		infos, err := st.List(ctx)
		return listLoadedMsg{infos: infos, err: err, total: len(infos), stamp: stamp, stamped: true}
	}
}

// firstPage is how many assessments the home screen's first frame reads:
// more than a screen shows, so that it can scroll at once. The rest
// follow (loadList), so that the first frame does not wait for 10,000.
const firstPage = 200

// loadFirstPage reads the first assessments of the list and how many there
// are; a partial result asks for the full list when it arrives.
func loadFirstPage(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		infos, total, err := st.ListFirst(ctx, firstPage)
		return listLoadedMsg{infos: infos, err: err, total: total, partial: err == nil && len(infos) < total}
	}
}

// loadAssessment opens an assessment. Answers to questions the current
// version of its questionnaire retired move to their successors in the
// store, in one transaction, before it is shown.
func loadAssessment(sh *shared, id int64, then screenID) tea.Cmd {
	return openAssessment(sh, then, func(ctx context.Context, st *store.Store) (*assessment.Assessment, error) {
		return st.Load(ctx, id)
	})
}

// loadAssessmentUUID opens the assessment with that UUID, as loadAssessment.
func loadAssessmentUUID(sh *shared, uuid string, then screenID) tea.Cmd {
	return openAssessment(sh, then, func(ctx context.Context, st *store.Store) (*assessment.Assessment, error) {
		return st.LoadUUID(ctx, uuid)
	})
}

// loadAssessmentByName opens the assessment of that name, as loadAssessment.
func loadAssessmentByName(sh *shared, name string, then screenID) tea.Cmd {
	return openAssessment(sh, then, func(ctx context.Context, st *store.Store) (*assessment.Assessment, error) {
		return st.LoadByName(ctx, name)
	})
}

// openAssessment reads an assessment with read, moves its answers to the
// successors of retired questions, and reads its history.
func openAssessment(sh *shared, then screenID, read func(context.Context, *store.Store) (*assessment.Assessment, error)) tea.Cmd {
	st, resolve, who := sh.opts.Store, sh.opts.Questionnaire, sh.who
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		a, err := read(ctx, st)
		if err != nil {
			return assessmentLoadedMsg{err: err}
		}
		qn, err := resolve(a.QuestionnaireID)
		if err != nil {
			return assessmentLoadedMsg{err: err}
		}
		a, upgrade, err := upgradeStored(ctx, st, qn, a, who)
		if err != nil {
			return assessmentLoadedMsg{err: err}
		}
		changes, err := st.History(ctx, a.ID)
		if err != nil {
			return assessmentLoadedMsg{err: err}
		}
		sess := newSession(a, qn)
		sess.upgrade = upgrade
		for _, c := range changes {
			sess.record(c)
		}
		return assessmentLoadedMsg{sess: sess, then: then}
	}
}

// upgradeStored moves, in the store, the answers of a to the questions
// that succeed those the questionnaire retired (one transaction), and
// returns the assessment as now stored with what the upgrade did.
func upgradeStored(ctx context.Context, st *store.Store, qn *questionnaire.Questionnaire, a *assessment.Assessment, who string) (*assessment.Assessment, assessment.Upgrade, error) {
	upgrade := assessment.PlanUpgrade(qn, a)
	if len(upgrade.Moved) == 0 {
		return a, upgrade, nil
	}
	after := *a
	after.Answers = maps.Clone(a.Answers)
	upgrade.Apply(&after)
	sum := assessment.Evaluate(qn, &after).Summarize()
	if _, err := st.MoveAnswers(ctx, a.UUID, upgrade.Moved, who, sum); err != nil {
		return nil, upgrade, err
	}
	a, err := st.LoadUUID(ctx, a.UUID)
	return a, upgrade, err
}

// The writes below go through the writer (see writer.go), which runs them
// one at a time in the order they were asked for.

// saveAnswer stores ans, stating as what it replaces the answer the
// baseline holds when the write runs: what the writes before it left.
func saveAnswer(sh *shared, base *baseline, uuid, qid string, ans assessment.Answer, sum assessment.Summary) tea.Cmd {
	st := sh.answers
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		err := st.SaveAnswer(ctx, uuid, qid, base.get(qid), ans, sum)
		if err == nil {
			base.set(qid, ans, true)
		}
		return answerSavedMsg{questionID: qid, value: ans.Value, answer: ans, err: err}, err
	})
}

func clearAnswer(sh *shared, base *baseline, uuid, qid string, sum assessment.Summary) tea.Cmd {
	st, who := sh.answers, sh.who
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		err := st.ClearAnswer(ctx, uuid, qid, base.get(qid), who, sum)
		if err == nil {
			base.set(qid, assessment.Answer{}, false)
		}
		return answerSavedMsg{questionID: qid, cleared: true, err: err}, err
	})
}

// createSetup stores a new assessment from a copy of it, so that the
// command never shares memory with the model.
func createSetup(sh *shared, a assessment.Assessment, sum assessment.Summary) tea.Cmd {
	st := sh.opts.Store
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		if err := st.Create(ctx, &a, sum); err != nil {
			return setupSavedMsg{created: true, err: err}, err
		}
		return setupCreatedMsg{id: a.ID, uuid: a.UUID}, nil
	})
}

// saveSetup stores the edited setup a of a stored assessment, stating as
// what it replaces prev, the setup its form was opened on: the store
// refuses it when another gapmap changed the setup meanwhile. Both are
// copies without the answers, which the setup does not include, so that
// the command never shares memory with the model.
func saveSetup(sh *shared, prev, a assessment.Assessment, sum assessment.Summary) tea.Cmd {
	st := sh.opts.Store
	prev.Answers, a.Answers = nil, nil
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		err := st.SaveSetup(ctx, &prev, &a, sum)
		return setupSavedMsg{prev: &prev, a: &a, err: err}, err
	})
}

// setupCreatedMsg carries the new ID and UUID of a created assessment.
type setupCreatedMsg struct {
	id   int64
	uuid string
}

// deleteAssessment deletes the revision of the assessment the user saw, or
// nothing when another gapmap wrote to it since (store.ErrConflict).
func deleteAssessment(sh *shared, uuid, name string, revision int64) tea.Cmd {
	st := sh.opts.Store
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		err := st.DeleteAt(ctx, uuid, revision)
		return deletedMsg{name: name, err: err}, err
	})
}

func renameAssessment(sh *shared, uuid, from, to string) tea.Cmd {
	st := sh.opts.Store
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		err := st.Rename(ctx, uuid, to)
		return renamedMsg{from: from, to: to, err: err}, err
	})
}

func duplicateAssessment(sh *shared, uuid, newName string) tea.Cmd {
	st := sh.opts.Store
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		_, err := st.Duplicate(ctx, uuid, newName)
		return duplicatedMsg{name: newName, err: err}, err
	})
}

// setAnswering keeps who is answering with the assessment, through the
// writer queue like every write.
func setAnswering(sh *shared, uuid, who string) tea.Cmd {
	st := sh.opts.Store
	return sh.writer.submit(func() (tea.Msg, error) {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		if err := st.SetAnswering(ctx, uuid, who); err != nil {
			return statusMsg{"Could not keep who is answering: " + errText(err), true}, err
		}
		return statusMsg{"Answers are now recorded as given by " + whoLabel(who), false}, nil
	})
}

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusMsg{text, isErr} }
}

func navigate(s screenID) tea.Cmd {
	return func() tea.Msg { return gotoMsg{s} }
}
