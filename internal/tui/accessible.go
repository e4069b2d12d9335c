package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/atomicfile"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/store"
)

// accessible runs the whole flow as plain line prompts (huh's accessible
// mode): no alternate screen, no cursor movement, so it works with screen
// readers and in plain terminals.
type accessible struct {
	sh  *shared
	in  io.Reader
	out io.Writer
	ctx context.Context
}

// RunAccessible runs the assessment flow as line prompts on in and out.
func RunAccessible(ctx context.Context, opts Options, in io.Reader, out io.Writer) error {
	sh := &shared{opts: opts, keys: newKeyMap(), who: opts.Who, width: 80, height: 24}
	r := accessible{sh: sh, in: in, out: out, ctx: ctx}
	sess, err := r.choose()
	if err != nil || sess == nil {
		return err
	}
	if err := r.answerQuestions(sess); err != nil {
		return err
	}
	r.summary(sess)
	return r.export(sess)
}

func (r accessible) run(groups ...*huh.Group) error {
	return huh.NewForm(groups...).WithAccessible(true).WithInput(r.in).WithOutput(r.out).Run()
}

func (r accessible) say(format string, args ...any) { fmt.Fprintf(r.out, format+"\n", args...) }

// choose opens an existing assessment or creates a new one.
func (r accessible) choose() (*session, error) {
	infos, err := r.sh.opts.Store.List(r.ctx)
	if err != nil {
		return nil, err
	}
	choice := ptr(int64(0))
	opts := []huh.Option[int64]{huh.NewOption("Start a new assessment", int64(0))}
	for _, in := range infos {
		label := fmt.Sprintf("%s — %s answered, readiness %s", oneLine(in.Name), percent(in.Summary.Progress), percent(in.Summary.Readiness))
		opts = append(opts, huh.NewOption(label, in.ID))
	}
	r.say("gapmap: SOC 2 readiness assessment. Every answer is saved as you give it.")
	if err := r.run(huh.NewGroup(huh.NewSelect[int64]().Title("Which assessment?").Options(opts...).Value(choice))); err != nil {
		return nil, err
	}
	if *choice != 0 {
		a, err := r.sh.opts.Store.Load(r.ctx, *choice)
		if err != nil {
			return nil, err
		}
		qn, err := r.sh.opts.Questionnaire(a.QuestionnaireID)
		if err != nil {
			return nil, err
		}
		return newSession(a, qn), nil
	}
	return r.create()
}

func (r accessible) create() (*session, error) {
	a := assessment.New("", r.sh.opts.DefaultQuestionnaire, r.sh.now())
	for {
		groups, vals := scopeGroups(*a, true, true)
		if err := r.run(groups...); err != nil {
			return nil, err
		}
		vals.apply(a)
		cgroups, cvals := criteriaGroups(*a, true, 0)
		if err := r.run(cgroups...); err != nil {
			return nil, err
		}
		cvals.apply(a)
		qn, err := r.sh.opts.Questionnaire(a.QuestionnaireID)
		if err != nil {
			return nil, err
		}
		sess := newSession(a, qn)
		err = r.sh.opts.Store.Create(r.ctx, a, sess.ev.Summarize())
		if errors.Is(err, store.ErrExists) {
			r.say("An assessment named %q already exists. Please choose another name.", a.Name)
			continue
		}
		if err != nil {
			return nil, err
		}
		r.say("Saved %q. %d questions apply.", a.Name, len(sess.questions))
		return sess, nil
	}
}

// Choices offered for each question beyond the answer scale.
const (
	choiceSkip = "skip"
	choiceStop = "stop"
)

func (r accessible) answerQuestions(sess *session) error {
	for i, q := range sess.questions {
		if _, done := sess.a.Answers[q.ID]; done {
			continue
		}
		area := sess.qn.Area(q.Area)
		r.say("\nQuestion %d of %d, %s. Criteria %s, severity %s.", i+1, len(sess.questions), area.Title, strings.Join(q.Criteria, ", "), q.Severity)
		r.say("%s", q.Help.Prose())
		value := ptr(choiceSkip)
		var opts []huh.Option[string]
		for _, v := range assessment.Values {
			opts = append(opts, huh.NewOption(v.Label(), string(v)))
		}
		opts = append(opts, huh.NewOption("Skip for now", choiceSkip), huh.NewOption("Stop here (answers so far are saved)", choiceStop))
		if err := r.run(huh.NewGroup(huh.NewSelect[string]().Title(oneLine(q.Text)).Options(opts...).Value(value))); err != nil {
			return err
		}
		switch *value {
		case choiceStop:
			return nil
		case choiceSkip:
			continue
		}
		ans := assessment.Answer{Value: assessment.Value(*value), AnsweredBy: r.sh.who}
		note := ptr("")
		title := "Note (optional; press enter to skip)"
		if ans.Value == assessment.NA {
			title = "Why does this not apply? (required)"
		}
		if err := r.run(huh.NewGroup(huh.NewInput().Title(title).Value(note).Validate(func(s string) error {
			if ans.Value == assessment.NA && strings.TrimSpace(s) == "" {
				return errRequiredNote
			}
			return nil
		}))); err != nil {
			return err
		}
		ans.Note = strings.TrimSpace(*note)
		prev := sess.a.Answers[q.ID]
		sess.a.SetAnswer(q.ID, ans, r.sh.now())
		sess.refresh()
		if err := r.sh.opts.Store.SaveAnswer(r.ctx, sess.a.UUID, q.ID, prev, sess.a.Answers[q.ID], sess.ev.Summarize()); err != nil {
			return fmt.Errorf("saving the answer to %s: %w", q.ID, err)
		}
		r.say("Saved.")
	}
	return nil
}

func (r accessible) summary(sess *session) {
	ev := sess.ev
	plan := sess.roadmap()
	r.say("\nReadiness %s, %d of %d questions answered.", percent(ev.Overall.Readiness), ev.Overall.Answered, ev.Overall.Applicable)
	t := plan.Timeline
	r.say("Type I ready in about %s; report in about %s.", weeks(t.ReadinessWeeks), weeks(t.ReportWeeks))
	for i, it := range plan.Items {
		if i == 3 {
			break
		}
		r.say("Do first %d: %s (%s)", i+1, oneLine(it.Question.Text), it.Rationale)
	}
}

func (r accessible) export(sess *session) error {
	path := ptr("")
	if err := r.run(huh.NewGroup(huh.NewInput().
		Title("Export the Markdown roadmap to a file? Enter a path, or press enter to skip").
		Placeholder(defaultExportName(sess.a.Name, "md")).Value(path))); err != nil {
		return err
	}
	if strings.TrimSpace(*path) == "" {
		return nil
	}
	abs, _ := filepath.Abs(strings.TrimSpace(*path))
	overwrite := false
	if _, err := os.Stat(abs); err == nil {
		if err := r.run(huh.NewGroup(huh.NewConfirm().Title(abs + " exists. Replace it?").Value(&overwrite))); err != nil {
			return err
		}
		if !overwrite {
			r.say("Kept the existing file; nothing exported.")
			return nil
		}
	}
	var buf bytes.Buffer
	if err := report.Markdown(&buf, report.NewInput(sess.qn, sess.a, r.sh.now())); err != nil {
		return err
	}
	if err := atomicfile.Write(abs, buf.Bytes(), 0o644, overwrite); err != nil {
		return err
	}
	r.say("Exported to %s.", abs)
	return nil
}
