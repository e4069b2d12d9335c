package tui

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/atomicfile"
	"github.com/gapmap/gapmap/internal/report"
	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/store"
)

// accessible runs the whole flow as plain line prompts (huh's accessible
// mode): no alternate screen, no cursor movement, so it works with screen
// readers and in plain terminals.
type accessible struct {
	sh  *shared
	in  *endReader
	out io.Writer
	ctx context.Context
}

// RunAccessible runs the assessment flow as line prompts on in and out.
func RunAccessible(ctx context.Context, opts Options, in io.Reader, out io.Writer) error {
	sh := &shared{opts: opts, keys: newKeyMap(), who: opts.Who, width: 80, height: 24}
	r := accessible{sh: sh, in: &endReader{r: in}, out: out, ctx: ctx}
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

// ErrInputEnded ends the accessible mode when its input does.
var ErrInputEnded = errors.New("the input ended; the answers given so far are saved")

// endReader notes when its input has ended, which huh's prompts cannot
// report.
type endReader struct {
	r     io.Reader
	ended atomic.Bool
}

func (e *endReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		e.ended.Store(true)
	}
	return n, err
}

// ErrInterrupted ends the accessible mode on ctrl+c.
var ErrInterrupted = errors.New("interrupted; the answers given so far are saved")

// run asks the groups' questions as line prompts. Huh's prompts do not
// watch the context, and a terminal's ctrl+c (SIGINT) only cancels it, so
// the prompt runs aside and ctrl+c ends the wait at once.
func (r accessible) run(groups ...*huh.Group) error {
	done := make(chan error, 1)
	go func() {
		done <- huh.NewForm(groups...).WithAccessible(true).WithInput(r.in).WithOutput(r.out).Run()
	}()
	select {
	case err := <-done:
		switch {
		case err != nil:
		case r.ctx.Err() != nil:
			err = ErrInterrupted
		case r.in.ended.Load():
			err = ErrInputEnded
		}
		return err
	case <-r.ctx.Done():
		fmt.Fprintln(r.out)
		return ErrInterrupted
	}
}

func (r accessible) say(format string, args ...any) { fmt.Fprintf(r.out, format+"\n", args...) }

// choose opens the assessment the options name (the demo's), or asks
// which existing assessment to open, or creates a new one.
func (r accessible) choose() (*session, error) {
	if name := r.sh.opts.OpenName; name != "" {
		a, err := r.sh.opts.Store.LoadByName(r.ctx, name)
		if err != nil {
			return nil, err
		}
		r.say("gapmap: SOC 2 readiness assessment %q. Every answer is saved as you give it.", oneLine(a.Name))
		return r.open(a)
	}
	infos, err := r.sh.opts.Store.List(r.ctx)
	if err != nil {
		return nil, err
	}
	choice := ptr(int64(0))
	opts := []huh.Option[int64]{huh.NewOption("Start a new assessment", int64(0))}
	for _, in := range infos {
		// "not scored yet" where nothing is answered, as "—" on the home
		// screen: "0% of controls in place" would say none is.
		figures := percent(in.Summary.Readiness) + " of controls in place"
		if in.Summary.Answered == 0 {
			figures = "not scored yet"
		}
		label := fmt.Sprintf("%s — %s answered, %s", oneLine(in.Name), percent(in.Summary.Progress), figures)
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
		return r.open(a)
	}
	return r.create()
}

// open starts a session on the stored assessment a, its answers moved to
// the successors of retired questions.
func (r accessible) open(a *assessment.Assessment) (*session, error) {
	qn, err := r.sh.opts.Questionnaire(a.QuestionnaireID)
	if err != nil {
		return nil, err
	}
	a, upgrade, err := upgradeStored(r.ctx, r.sh.opts.Store, qn, a, r.sh.who)
	if err != nil {
		return nil, err
	}
	sess := newSession(a, qn)
	sess.upgrade = upgrade
	if !upgrade.Empty() {
		r.say("%s.", upgradeText(qn.Version, upgrade))
	}
	r.sh.who = cmp.Or(sess.lastWho(), r.sh.who)
	if n, all := sess.progress(""); n == all {
		r.say("All %d questions are answered.", n)
	} else {
		r.say("%d of %d questions answered; the unanswered ones follow (choose \"Stop here\" for the summary).", n, all)
	}
	return sess, nil
}

func (r accessible) create() (*session, error) {
	infos, err := r.sh.opts.Store.List(r.ctx)
	if err != nil {
		return nil, err
	}
	var taken []string
	for _, in := range infos {
		taken = append(taken, in.Name)
	}
	isTaken := func(name string) bool {
		return slices.ContainsFunc(taken, func(other string) bool { return assessment.SameName(name, other) })
	}
	a := assessment.New("", r.sh.opts.DefaultQuestionnaire, r.sh.now())
	for {
		groups, vals := scopeGroups(*a, scopeOptions{isNew: true, lists: true,
			taken: isTaken, inputEnded: r.in.ended.Load})
		if err := r.run(groups...); err != nil {
			return nil, err
		}
		vals.apply(a)
		cgroups, cvals := criteriaGroups(*a, 0)
		for i, g := range cgroups {
			// Huh's accessible mode asks hidden groups too.
			if i == criteriaWindowGroup && *cvals.reportType != string(assessment.TypeII) {
				continue
			}
			if err := r.run(g); err != nil {
				return nil, err
			}
		}
		cvals.apply(a)
		qn, err := r.sh.opts.Questionnaire(a.QuestionnaireID)
		if err != nil {
			return nil, err
		}
		sess := newSession(a, qn)
		err = r.sh.opts.Store.Create(r.ctx, a, sess.ev.Summarize())
		if errors.Is(err, store.ErrExists) {
			// Taken meanwhile, by another window.
			r.say("An assessment named %q was created meanwhile. Please choose another name.", a.Name)
			taken = append(taken, a.Name)
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
		if _, done := sess.a.Answer(q.ID); done {
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
		ans := sess.a.Answers[q.ID] // keeps a flag or note given without an answer
		ans.Value, ans.AnsweredBy = assessment.Value(*value), r.sh.who
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
	if sess.a.ISOTarget() {
		// The flow asked the ISMS questions too: each framework says its own count.
		r.say("\nSOC 2: %s; %d of %d SOC 2 questions answered.", figuresLine(ev.Overall, sess.a.Target.Type), ev.Overall.Answered, ev.Overall.Applicable)
		r.say("%s", isoSummary(sess, assessment.EvaluateISO(sess.qn, sess.a)))
	} else {
		r.say("\n%s; %d of %d questions answered.", figuresLine(ev.Overall, sess.a.Target.Type), ev.Overall.Answered, ev.Overall.Applicable)
	}
	for _, f := range report.TimelineFactsOn(sess.a, ev, plan, r.sh.now()) {
		r.say("%s: %s.", f.Label, f.Text)
	}
	for i, e := range plan.Entries(roadmap.Now) {
		if i == 3 {
			break
		}
		r.say("Do first %d: %s (%s)", i+1, oneLine(e.Title()), e.Reason().Title())
	}
}

func (r accessible) export(sess *session) error {
	format := ptr(report.Formats[0].Name)
	var opts []huh.Option[string]
	for _, f := range report.Formats {
		opts = append(opts, huh.NewOption(f.Title+" — "+f.About, f.Name))
	}
	opts = append(opts, huh.NewOption("Do not export now", ""))
	if err := r.run(huh.NewGroup(huh.NewSelect[string]().Title("Export the report to a file?").Options(opts...).Value(format))); err != nil {
		return err
	}
	if *format == "" {
		return nil
	}
	f, err := report.FormatNamed(*format)
	if err != nil {
		return err
	}
	path := ptr("")
	if err := r.run(huh.NewGroup(huh.NewInput().
		Title("File (press enter for " + report.FileName(sess.a.Name, f.Ext) + " in the current folder)").
		Value(path))); err != nil {
		return err
	}
	target := cmp.Or(strings.TrimSpace(*path), report.FileName(sess.a.Name, f.Ext))
	target, err = expandHome(target)
	if err != nil {
		return err
	}
	abs, _ := filepath.Abs(target)
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
	if err := f.Write(&buf, report.NewInput(sess.qn, sess.a, r.sh.now())); err != nil {
		return err
	}
	if err := atomicfile.Write(abs, buf.Bytes(), 0o644, overwrite); err != nil {
		return err
	}
	r.say("Exported to %s.", abs)
	return nil
}
