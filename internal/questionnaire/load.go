package questionnaire

import (
	"regexp"

	"github.com/gapmap/gapmap/internal/yamlfile"
)

// LoadFile reads and validates a questionnaire file.
func LoadFile(path string) (*Questionnaire, error) {
	data, err := yamlfile.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Load(path, data)
}

// Load parses and validates a questionnaire. name is the file name used in
// problem reports. On any problem it returns a yamlfile.Problems listing every
// problem found, sorted by position.
func Load(name string, data []byte) (*Questionnaire, error) {
	root, r, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, err
	}
	qn := decode(r, root)
	if qn != nil {
		validate(r, qn)
	}
	if len(r.Problems) > 0 {
		r.Problems.Sort()
		return nil, r.Problems
	}
	return qn, nil
}

var (
	questionIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9-]*)+$`)
	plainIDPattern    = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	criterionPattern  = regexp.MustCompile(`^[A-Z]+[0-9]+(\.[0-9]+)*$`)
)

var questionFields = []string{
	"id", "area", "category", "text", "help", "criteria", "severity", "effort",
	"evidence", "remediation", "depends_on", "applies_if", "iso27001", "common_finding",
}

func decode(r *yamlfile.Reader, root yamlfile.Node) *Questionnaire {
	top, ok := r.Mapping(root, "a questionnaire")
	if !ok {
		return nil
	}
	top.AllowOnly("id", "title", "version", "areas", "criteria", "questions")
	qn := &Questionnaire{
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
	for _, n := range top.List("questions", true) {
		if q := decodeQuestion(r, n); q != nil {
			qn.Questions = append(qn.Questions, q)
		}
	}
	qn.index()
	return qn
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
	if c.Category != "" && !c.Category.Valid() {
		r.ErrorAt(m.ValuePos("category"), "unknown category %q (expected one of: %s)", c.Category, join(Categories))
	}
	return c, c.ID != ""
}

func decodeQuestion(r *yamlfile.Reader, n yamlfile.Node) *Question {
	m, ok := r.Mapping(n, "a question")
	if !ok {
		return nil
	}
	m.AllowOnly(questionFields...)
	q := &Question{
		ID:            m.String("id", true),
		Area:          m.String("area", true),
		Category:      Category(m.String("category", true)),
		Text:          m.String("text", true),
		Help:          m.String("help", true),
		Severity:      Severity(m.String("severity", true)),
		Effort:        Effort(m.String("effort", true)),
		Evidence:      EvidenceKind(m.String("evidence", true)),
		Remediation:   m.String("remediation", true),
		AppliesIf:     m.String("applies_if", false),
		CommonFinding: m.Bool("common_finding"),
	}
	q.src.at = m.Pos()
	q.src.fields = make(map[string]yamlfile.Pos, len(questionFields))
	for _, f := range questionFields {
		q.src.fields[f] = m.ValuePos(f)
	}
	m.List("criteria", true)
	q.Criteria, q.src.criteria = m.Strings("criteria")
	q.DependsOn, q.src.dependsOn = m.Strings("depends_on")
	q.ISO27001, _ = m.Strings("iso27001")
	if q.DependsOn == nil {
		q.DependsOn = []string{}
	}
	if q.ISO27001 == nil {
		q.ISO27001 = []string{}
	}
	return q
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
