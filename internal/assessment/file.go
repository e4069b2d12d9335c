package assessment

import (
	"slices"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// FileVersion is the version of the answers-file format written by export
// under the "gapmap" key. Version 2 added computed keys only (the two
// readiness figures, work packages, the window calendar), so files of
// version 1 and 2 read the same.
const FileVersion = 2

// Lookup resolves a questionnaire ID named in an answers file.
type Lookup func(id string) (*questionnaire.Questionnaire, error)

// computedKeys are written by export and ignored on import, so an exported
// file imports as it is.
var computedKeys = []string{"summary", "iso27001", "roadmap", "to_confirm", "follow_ups"}

// ParseFile reads an answers file (YAML or JSON) into an assessment. Every
// problem is reported at once with its position, as yamlfile.Problems. Times
// missing from the file are set to now.
func ParseFile(name string, data []byte, lookup Lookup, now time.Time) (*Assessment, error) {
	root, r, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, err
	}
	top, ok := r.Mapping(root, "an answers file")
	if !ok {
		return nil, r.Problems
	}
	top.AllowOnly(append([]string{"gapmap", "uuid", "name", "questionnaire", "scope", "categories", "report", "answers", "created_at", "updated_at"}, computedKeys...)...)
	if top.Has("gapmap") {
		if v := top.Int("gapmap"); (v < 1 || v > FileVersion) && len(r.Problems) == 0 {
			r.ErrorAt(top.ValuePos("gapmap"), "answers-file format %d is not supported (this build reads formats 1 to %d)", v, FileVersion)
		}
	}
	a := New(top.String("name", true), top.String("questionnaire", false), now)
	readIdentity(r, top, a)
	if a.QuestionnaireID == "" {
		a.QuestionnaireID = "soc2"
	}
	a.CreatedAt = readTime(r, top, "created_at", a.CreatedAt)
	a.UpdatedAt = readTime(r, top, "updated_at", a.UpdatedAt)
	qn, qerr := lookup(a.QuestionnaireID)
	if qerr != nil {
		r.ErrorAt(top.ValuePos("questionnaire"), "%v", qerr)
	}
	if n := top.Node("scope"); n != nil {
		a.Scope = readScope(r, n)
	}
	readCategories(r, top, a)
	if n := top.Node("report"); n != nil {
		a.Target = readTarget(r, n)
	}
	if n := top.Node("answers"); n != nil {
		readAnswers(r, n, qn, a, now)
	}
	if len(r.Problems) > 0 {
		r.Problems.Sort()
		return nil, r.Problems
	}
	return a, nil
}

// readIdentity checks the name (CleanName) and reads the optional uuid.
func readIdentity(r *yamlfile.Reader, top yamlfile.Map, a *Assessment) {
	if top.Has("name") && a.Name != "" {
		name, err := CleanName(a.Name)
		if err != nil {
			r.ErrorAt(top.ValuePos("name"), "%v", err)
		}
		a.Name = name
	}
	a.UUID = strings.ToLower(top.String("uuid", false))
	if a.UUID != "" && !ValidUUID(a.UUID) {
		r.ErrorAt(top.ValuePos("uuid"), "uuid %q is not a UUID like 0b6f3e6c-8d1e-4c47-9a43-2f4d1f0e5a7b", a.UUID)
	}
}

// ValidUUID reports whether s is a UUID in its lower-case text form,
// 8-4-4-4-12 hexadecimal digits.
func ValidUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case !('0' <= c && c <= '9' || 'a' <= c && c <= 'f'):
			return false
		}
	}
	return true
}

func readTime(r *yamlfile.Reader, m yamlfile.Map, key string, def time.Time) time.Time {
	s := m.String(key, false)
	if s == "" {
		return def
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		r.ErrorAt(m.ValuePos(key), "%s %q is not a time like 2026-11-23T10:00:00Z", key, s)
		return def
	}
	return t.UTC()
}

func readCategories(r *yamlfile.Reader, top yamlfile.Map, a *Assessment) {
	names, poss := top.Strings("categories")
	var cs []questionnaire.Category
	for i, n := range names {
		c := questionnaire.Category(n)
		if !c.IsTSC() {
			r.ErrorAt(poss[i], "unknown category %q (expected one of: security, availability, confidentiality, processing_integrity, privacy)", n)
			continue
		}
		cs = append(cs, c)
	}
	a.SetCategories(cs)
}

func readTarget(r *yamlfile.Reader, n yamlfile.Node) Target {
	m, ok := r.Mapping(n, "report")
	if !ok {
		return Target{Type: TypeI}
	}
	m.AllowOnly("type", "window_months", "target_date", "start_date")
	t := Target{
		Type:         ReportType(m.String("type", false)),
		WindowMonths: m.Int("window_months"),
		TargetDate:   m.String("target_date", false),
		StartDate:    m.String("start_date", false),
	}
	if t.Type == "" {
		t.Type = TypeI
	}
	switch {
	case t.Type != TypeI && t.Type != TypeII:
		r.ErrorAt(m.ValuePos("type"), "unknown report type %q (expected type1 or type2)", t.Type)
	case t.Type == TypeI && t.WindowMonths != 0:
		r.ErrorAt(m.ValuePos("window_months"), "a Type I report has no observation window; remove window_months or use type2")
	case t.Type == TypeII && !slices.Contains(Windows, t.WindowMonths):
		r.ErrorAt(m.ValuePos("window_months"), "a Type II observation window must be 3, 6 or 12 months")
	}
	for _, key := range []string{"target_date", "start_date"} {
		if d := m.String(key, false); d != "" {
			if _, err := ParseDate(d); err != nil {
				r.ErrorAt(m.ValuePos(key), "%s %v", key, err)
			}
		}
	}
	if err := t.CheckOrder(); err != nil {
		r.ErrorAt(m.ValuePos("target_date"), "%v", err)
	}
	return t
}

func readAnswers(r *yamlfile.Reader, n yamlfile.Node, qn *questionnaire.Questionnaire, a *Assessment, now time.Time) {
	m, ok := r.Mapping(n, "answers")
	if !ok {
		return
	}
	for _, id := range m.Keys() {
		// An answer to a retired question is kept: PlanUpgrade moves it to
		// its successor, or keeps it as no longer asked.
		if qn != nil && qn.Question(id) == nil && qn.RetiredQuestion(id) == nil {
			r.ErrorAt(m.KeyPos(id), "unknown question id %q (not in questionnaire %s)", id, qn.ID)
			continue
		}
		ans, ok := readAnswer(r, m, id, now)
		if ok {
			a.Answers[id] = ans
		}
	}
}

// readAnswer reads one answer: a mapping, or just the value ("access.mfa: yes").
func readAnswer(r *yamlfile.Reader, m yamlfile.Map, id string, now time.Time) (Answer, bool) {
	n := m.Node(id)
	if !yamlfile.IsMapping(n) {
		v, ok := r.Text(n, "answer of "+id)
		if !ok {
			return Answer{}, false
		}
		ans := Answer{Value: Value(v), UpdatedAt: now.UTC()}
		return ans, checkAnswer(r, yamlfile.PosOf(n), id, ans)
	}
	am, _ := r.Mapping(n, "answer of "+id)
	am.AllowOnly("answer", "note", "evidence", "owner", "flagged", "answered_by", "updated_at")
	ans := Answer{
		Note:       am.String("note", false),
		Evidence:   am.String("evidence", false),
		Owner:      am.String("owner", false),
		Flagged:    am.Bool("flagged"),
		AnsweredBy: am.String("answered_by", false),
		UpdatedAt:  readTime(r, am, "updated_at", now.UTC()),
	}
	// A flag or a note may stand without an answer.
	ans.Value = Value(am.String("answer", !ans.HasContext()))
	if ans.Value == "" && !ans.HasContext() {
		return ans, false
	}
	return ans, checkAnswer(r, am.ValuePos("answer"), id, ans)
}

func checkAnswer(r *yamlfile.Reader, at yamlfile.Pos, id string, ans Answer) bool {
	if err := ans.Check(); err != nil {
		r.ErrorAt(at, "%s: %v", id, err)
		return false
	}
	return true
}
