package questionnaire

import (
	"regexp"
	"slices"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// LoadFile reads and validates a questionnaire file.
// Its bytes are not kept while the questions are decoded: a large bank's
// text and its questions are not held at once.
func LoadFile(path string) (*Questionnaire, error) {
	root, r, items, err := yamlfile.ParseSplitFile(path, "questions")
	return loadParsed(root, r, items, err, lintCustom)
}

// Load parses and validates a questionnaire. name is the file name used in
// problem reports. On any problem it returns a yamlfile.Problems listing every
// problem found, sorted by position.
func Load(name string, data []byte) (*Questionnaire, error) {
	return load(name, data, lintCustom)
}

// Parse is Load without the lints (word limits, dependencies that may not
// apply, facts that gate nothing, the same control asked twice): for
// programs that generate questionnaires, such as benchmarks and property
// tests, whose questions are placeholders. Files people write go through
// Load.
func Parse(name string, data []byte) (*Questionnaire, error) {
	return load(name, data, lintNone)
}

type lintLevel int

const (
	lintNone   lintLevel = iota
	lintCustom           // lints are errors, unused facts warnings
	lintStrict           // every lint is an error: the built-in bank
)

// load parses, validates and lints a questionnaire at the given level.
func load(name string, data []byte, level lintLevel) (*Questionnaire, error) {
	root, r, items, err := yamlfile.ParseSplit(name, data, "questions")
	return loadParsed(root, r, items, err, level)
}

// loadParsed decodes what yamlfile.ParseSplit returned, then validates and
// lints it.
func loadParsed(root yamlfile.Node, r *yamlfile.Reader, items *yamlfile.Items, err error, level lintLevel) (*Questionnaire, error) {
	if err != nil {
		return nil, err
	}
	qn, ok := decode(r, root, items)
	if !ok {
		// The questions could not be read part by part: the whole file is
		// parsed, and says what is wrong with it.
		if root, r, err = items.Whole(); err != nil {
			return nil, err
		}
		qn, _ = decode(r, root, nil)
	}
	return finish(r, qn, level)
}

// finish validates and lints a decoded questionnaire, which is nil when its
// file was refused before its questions.
func finish(r *yamlfile.Reader, qn *Questionnaire, level lintLevel) (*Questionnaire, error) {
	if qn != nil {
		validate(r, qn)
		if len(r.Problems) == 0 && level != lintNone {
			lint(r, qn, level == lintStrict)
		}
		qn.Warnings.Sort()
	}
	if len(r.Problems) > 0 {
		r.Problems.Sort()
		return nil, r.Problems
	}
	for _, q := range qn.Questions {
		q.src = nil
	}
	return qn, nil
}

var (
	questionIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9-]*)+$`)
	plainIDPattern    = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	criterionPattern  = regexp.MustCompile(`^[A-Z]+[0-9]+(\.[0-9]+)*$`)
)

// FormatVersion is the questionnaire file format this version reads.
const FormatVersion = 2

// The fields of a question and of its help, in the order their positions
// are kept (questionSource.fields).
var (
	questionFields = [...]string{
		"id", "title", "area", "category", "text", "help", "criteria", "severity", "effort",
		"evidence", "frequency", "lead_time_weeks", "package", "depends_on", "applies_if",
		"iso27001", "common_finding", "see_also",
	}
	helpFields = [...]string{"why", "good", "evidence", "first_steps"}
)

// decode reads a parsed questionnaire. With items (its questions, left out
// of root by yamlfile.ParseSplit) it reads them part by part; ok is false
// when that could not be done and the whole file must be parsed: the
// questions did not parse on their own, or the rest of the file is refused
// already (the whole file may hold an earlier syntax error).
func decode(r *yamlfile.Reader, root yamlfile.Node, items *yamlfile.Items) (qn *Questionnaire, ok bool) {
	top, ok := r.Mapping(root, "a questionnaire")
	if !ok || !checkFormat(r, top) {
		return nil, items == nil
	}
	top.AllowOnly("format", "id", "title", "version", "areas", "criteria", "packages", "retired", "questions")
	qn = &Questionnaire{
		Format:  FormatVersion,
		ID:      top.String("id", true),
		Title:   top.String("title", true),
		Version: top.String("version", false),
	}
	if qn.ID != "" && !plainIDPattern.MatchString(qn.ID) {
		r.ErrorAt(top.ValuePos("id"), "questionnaire id %q must be lowercase letters, digits, '-' or '_'", qn.ID)
	}
	for _, n := range top.List("areas", true) {
		if a, ok := decodeArea(r, n); ok {
			qn.Areas = append(qn.Areas, a)
		}
	}
	for _, n := range top.List("criteria", true) {
		if c, ok := decodeCriterion(r, n); ok {
			qn.Criteria = append(qn.Criteria, c)
		}
	}
	for _, n := range top.Seq("packages") {
		if p, ok := decodePackage(r, n); ok {
			qn.Packages = append(qn.Packages, p)
		}
	}
	for _, n := range top.Seq("retired") {
		if rt, ok := decodeRetired(r, n); ok {
			qn.Retired = append(qn.Retired, rt)
		}
	}
	questions := []*Question(nil)
	if items == nil {
		for _, n := range top.List("questions", true) {
			questions = append(questions, decodeQuestion(r, n))
		}
	} else if questions, ok = yamlfile.DecodeItems(items, r, decodeQuestion); !ok {
		return nil, false
	}
	qn.Questions = slices.DeleteFunc(questions, func(q *Question) bool { return q == nil })
	qn.index()
	return qn, true
}

// checkFormat refuses files of another format version. A format-1 file (the
// free-text help of gapmap 2026.11 and before) gets one error that says how
// to migrate it, rather than one per question.
func checkFormat(r *yamlfile.Reader, top yamlfile.Map) bool {
	if !top.Has("format") {
		r.ErrorAt(top.Pos(), "this questionnaire has no \"format\" field, so it is in format 1 (free-text help and remediation); "+
			"gapmap reads format %d: add \"format: %d\", split each question's help into why, good and evidence, move "+
			"remediation into help.first_steps as a list, and give each question a title "+
			"(see docs/questionnaire-format.md, \"Migrating from format 1\")", FormatVersion, FormatVersion)
		return false
	}
	if v := top.Int("format"); v != FormatVersion {
		r.ErrorAt(top.ValuePos("format"), "questionnaire format %d is not supported: this gapmap reads format %d", v, FormatVersion)
		return false
	}
	return true
}

func decodePackage(r *yamlfile.Reader, n yamlfile.Node) (Package, bool) {
	m, ok := r.Mapping(n, "a package")
	if !ok {
		return Package{}, false
	}
	m.AllowOnly("id", "title", "setup_weeks")
	p := Package{ID: m.String("id", true), Title: m.String("title", true), at: m.Pos()}
	p.SetupWeeks, _ = m.Number("setup_weeks")
	if p.ID != "" && !plainIDPattern.MatchString(p.ID) {
		r.ErrorAt(m.ValuePos("id"), "package id %q must be lowercase letters, digits, '-' or '_'", p.ID)
	}
	if p.SetupWeeks < 0 {
		r.ErrorAt(m.ValuePos("setup_weeks"), "package %s: setup_weeks must not be negative", p.ID)
	}
	return p, p.ID != ""
}

func decodeRetired(r *yamlfile.Reader, n yamlfile.Node) (Retired, bool) {
	m, ok := r.Mapping(n, "a retired question")
	if !ok {
		return Retired{}, false
	}
	m.AllowOnly("id", "successor", "also_new", "reason")
	rt := Retired{
		ID:        m.String("id", true),
		Successor: m.String("successor", false),
		Reason:    m.String("reason", true),
		at:        m.Pos(),
		fieldsAt:  map[string]yamlfile.Pos{},
	}
	for _, f := range []string{"id", "successor", "also_new", "reason"} {
		rt.fieldsAt[f] = m.ValuePos(f)
	}
	rt.AlsoNew, _ = m.Strings("also_new")
	return rt, rt.ID != ""
}

func decodeArea(r *yamlfile.Reader, n yamlfile.Node) (Area, bool) {
	m, ok := r.Mapping(n, "an area")
	if !ok {
		return Area{}, false
	}
	m.AllowOnly("id", "title")
	a := Area{ID: m.String("id", true), Title: m.String("title", true), at: m.Pos()}
	if a.ID != "" && !plainIDPattern.MatchString(a.ID) {
		r.ErrorAt(m.ValuePos("id"), "area id %q must be lowercase letters, digits, '-' or '_'", a.ID)
	}
	return a, a.ID != ""
}

func decodeCriterion(r *yamlfile.Reader, n yamlfile.Node) (Criterion, bool) {
	m, ok := r.Mapping(n, "a criterion")
	if !ok {
		return Criterion{}, false
	}
	m.AllowOnly("id", "title", "category")
	c := Criterion{
		ID:       m.String("id", true),
		Title:    m.String("title", true),
		Category: Category(m.String("category", true)),
		at:       m.Pos(),
	}
	if c.ID != "" && !criterionPattern.MatchString(c.ID) {
		r.ErrorAt(m.ValuePos("id"), "criterion id %q must look like CC6.1 or P4.2", c.ID)
	}
	if c.Category != "" && !c.Category.IsTSC() {
		r.ErrorAt(m.ValuePos("category"), "unknown category %q (expected one of: %s)", c.Category, join(Categories))
	}
	return c, c.ID != ""
}

func decodeQuestion(r *yamlfile.Reader, n yamlfile.Node) *Question {
	m, ok := r.Mapping(n, "a question")
	if !ok {
		return nil
	}
	m.AllowOnly(questionFields[:]...)
	// Names that recur across questions are kept once (r.Intern).
	name := func(key string, required bool) string { return r.Intern(m.String(key, required)) }
	q := &Question{
		ID:            m.String("id", true),
		Title:         m.String("title", true),
		Area:          name("area", true),
		Category:      Category(name("category", true)),
		Text:          m.String("text", true),
		Severity:      Severity(name("severity", true)),
		Effort:        Effort(name("effort", true)),
		Evidence:      EvidenceKind(name("evidence", true)),
		Frequency:     Frequency(name("frequency", false)),
		Package:       name("package", false),
		AppliesIf:     name("applies_if", false),
		CommonFinding: m.Bool("common_finding"),
	}
	q.LeadTimeWeeks, _ = m.Number("lead_time_weeks")
	q.src = &questionSource{at: compact(m.Pos())}
	for i, f := range questionFields {
		q.src.fields[i] = compact(m.ValuePos(f))
	}
	decodeHelp(r, m, q)
	// An ISMS question lists its criteria empty (criteria: []); a TSC
	// question must name at least one.
	if q.Category != ISMS || m.Node("criteria") == nil {
		m.List("criteria", true)
	}
	q.Criteria, q.src.criteria = m.Strings("criteria")
	q.DependsOn, q.src.dependsOn = m.Strings("depends_on")
	q.ISO27001, _ = m.Strings("iso27001")
	if q.DependsOn == nil {
		q.DependsOn = []string{}
	}
	if q.ISO27001 == nil {
		q.ISO27001 = []string{}
	}
	q.SeeAlso, q.src.seeAlso = m.Strings("see_also")
	for _, list := range [][]string{q.Criteria, q.DependsOn, q.ISO27001, q.SeeAlso} {
		for i, s := range list {
			list[i] = r.Intern(s)
		}
	}
	q.src.words = countWords(q)
	return q
}

// decodeHelp reads a question's structured help. Its fields' positions are
// kept under "help.why" and so on, for the word-limit lint.
func decodeHelp(r *yamlfile.Reader, m yamlfile.Map, q *Question) {
	n := m.Node("help")
	if n == nil {
		m.String("help", true) // reports the missing field
		return
	}
	h, ok := r.Mapping(n, "help (why, good, evidence, first_steps)")
	if !ok {
		return
	}
	h.AllowOnly(helpFields[:]...)
	q.Help = Help{
		Why:      h.String("why", true),
		Good:     h.String("good", true),
		Evidence: h.String("evidence", true),
	}
	h.List("first_steps", true)
	q.Help.FirstSteps, _ = h.Strings("first_steps")
	for i, f := range helpFields {
		q.src.fields[len(questionFields)+i] = compact(h.ValuePos(f))
	}
}

func join[T ~string](vs []T) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ", "
		}
		s += string(v)
	}
	return s
}

// offsetPos moves a position right by a byte offset inside a one-line value.
func offsetPos(p yamlfile.Pos, off int) yamlfile.Pos {
	return yamlfile.Pos{Line: p.Line, Col: p.Col + off}
}
