package report

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// readScope reads the Scope sheet: one part per row, under its header.
func (r *workbookReader) readScope(rows [][]string) assessment.Scope {
	var sc assessment.Scope
	seen := map[string]int{}
	for i := 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		part := strings.TrimSpace(at(row, 1))
		if part == "" {
			if strings.Join(row, "") != "" {
				r.errorAt(sheetScope, 1, n, "a row needs its part in column A (one of: %s)", strings.Join(scopeParts, ", "))
			}
			continue
		}
		if slices.Contains(scopeParts[:5], part) {
			if prev, dup := seen[part]; dup {
				r.errorAt(sheetScope, 1, n, "%s is given twice (also in row %d)", part, prev)
				continue
			}
			seen[part] = n
		}
		r.scopeRow(&sc, n, part, row)
	}
	if n, ok := seen[scopeCapacity]; ok {
		if err := assessment.CheckCapacity(sc.Capacity, sc.Headcount); err != nil {
			r.errorAt(sheetScope, 2, n, "%v", err)
			sc.Capacity = 0
		}
	}
	return sc
}

// scopeRow reads one row of the Scope sheet into sc.
func (r *workbookReader) scopeRow(sc *assessment.Scope, n int, part string, row []string) {
	const s = sheetScope
	name, detail, method, flag := at(row, 2), at(row, 3), at(row, 4), at(row, 5)
	switch part {
	case scopeOrganization:
		sc.Organization = name
	case scopeSystem:
		sc.System = name
	case scopeDescription:
		sc.Description = name
	case scopeHeadcount:
		sc.Headcount = r.wholeNumber(s, n, name, "headcount")
	case scopeCapacity:
		sc.Capacity = r.number(s, n, name, "capacity")
	case scopeComponent:
		if c, ok := r.component(n, name, detail, flag); ok {
			sc.Components = append(sc.Components, c)
		}
	case scopeDataType:
		d := assessment.DataType(strings.TrimSpace(name))
		if !assessment.ValidDataType(d) {
			r.errorAt(s, 2, n, "unknown data type %q (expected one of: %s)", name, dataTypeNames())
			return
		}
		sc.DataTypes = append(sc.DataTypes, d)
	case scopeTeam:
		sc.PrivilegedTeams = append(sc.PrivilegedTeams, name)
	case scopeSubservice:
		if sub, ok := r.subservice(n, name, detail, method, flag); ok {
			sc.Subservices = append(sc.Subservices, sub)
		}
	case scopeCUEC:
		sc.CUECs = append(sc.CUECs, name)
	case scopeFact:
		fact := strings.TrimSpace(name)
		if !questionnaire.FactKnown(fact) {
			r.errorAt(s, 2, n, "unknown scope fact %q (known facts: %s)", fact, strings.Join(questionnaire.FactNames(), ", "))
			return
		}
		if sc.Declared == nil {
			sc.Declared = map[string]bool{}
		}
		sc.Declared[fact] = r.yesNoCell(s, 5, n, flag)
	default:
		r.errorAt(s, 1, n, "unknown part %q (expected one of: %s)", part, strings.Join(scopeParts, ", "))
	}
}

func (r *workbookReader) component(n int, name, kind, customerData string) (assessment.Component, bool) {
	c := assessment.Component{Name: name, Kind: assessment.ComponentKind(strings.TrimSpace(kind)),
		CustomerData: r.yesNoCell(sheetScope, 5, n, customerData)}
	ok := true
	if name == "" {
		r.errorAt(sheetScope, 2, n, "a component needs a name")
		ok = false
	}
	if !slices.Contains(assessment.ComponentKinds, c.Kind) {
		r.errorAt(sheetScope, 3, n, "unknown component kind %q (expected one of: infrastructure, software, people, procedures, data)", kind)
		ok = false
	}
	return c, ok
}

func (r *workbookReader) subservice(n int, name, service, method, report string) (assessment.Subservice, bool) {
	sub := assessment.Subservice{Name: name, Service: service,
		Method: assessment.SubserviceMethod(strings.TrimSpace(method)), HasReport: r.yesNoCell(sheetScope, 5, n, report)}
	ok := true
	if name == "" {
		r.errorAt(sheetScope, 2, n, "a subservice organization needs a name")
		ok = false
	}
	if sub.Method != "" && sub.Method != assessment.CarveOut && sub.Method != assessment.Inclusive {
		r.errorAt(sheetScope, 4, n, "unknown subservice method %q (expected carve-out or inclusive)", method)
		ok = false
	}
	return sub, ok
}

func (r *workbookReader) wholeNumber(sheet string, row int, v, what string) int {
	if strings.TrimSpace(v) == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		r.errorAt(sheet, 2, row, "%s %q is not a whole number of at least 0", what, v)
		return 0
	}
	return n
}

func (r *workbookReader) number(sheet string, row int, v, what string) float64 {
	if strings.TrimSpace(v) == "" {
		return 0
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || x < 0 {
		r.errorAt(sheet, 2, row, "%s %q is not a number of at least 0", what, v)
		return 0
	}
	return x
}

// answerHeaders are the Answers columns import reads.
var answerHeaders = []string{colID, colAnswer, colNote, colEvidence, colOwner, colFlagged, colAnsweredBy, colUpdatedAt}

// readAnswers reads the Answers sheet; its columns are found by header.
func (r *workbookReader) readAnswers(rows [][]string, qn *questionnaire.Questionnaire, a *assessment.Assessment, now time.Time) {
	col, ok := r.answerColumns(rows)
	if !ok {
		return
	}
	seen := map[string]int{}
	for i := 1; i < len(rows); i++ {
		get := func(h string) string { return at(rows[i], col[h]) }
		id, ans, ok := r.answerRow(i+1, col, get, now)
		if !ok {
			continue
		}
		if qn.Question(id) == nil {
			r.errorAt(sheetAnswers, col[colID], i+1, "unknown question id %q (not in questionnaire %s)", id, qn.ID)
			continue
		}
		if prev, dup := seen[id]; dup {
			r.errorAt(sheetAnswers, col[colID], i+1, "%s is answered twice (also in row %d)", id, prev)
			continue
		}
		seen[id] = i + 1
		if ans.Value == "" {
			continue // a question without an answer, offered to fill in
		}
		if err := ans.Check(); err != nil {
			r.errorAt(sheetAnswers, col[colAnswer], i+1, "%s: %v", id, err)
			continue
		}
		a.Answers[id] = ans
	}
}

// answerColumns finds the columns import reads by their headers in row 1.
func (r *workbookReader) answerColumns(rows [][]string) (map[string]int, bool) {
	if len(rows) == 0 {
		r.errorAt(sheetAnswers, 1, 1, "the header row is missing")
		return nil, false
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		if h = strings.TrimSpace(h); h != "" {
			if _, dup := col[h]; !dup {
				col[h] = i + 1
			}
		}
	}
	ok := true
	for _, h := range answerHeaders {
		if col[h] == 0 {
			r.errorAt(sheetAnswers, 1, 1, "no %q column in the header row", h)
			ok = false
		}
	}
	return col, ok
}

// answerRow reads row n: the question ID and its answer (with an empty
// value when the row offers the question unanswered). ok is false for an
// empty row or one with a problem already reported.
func (r *workbookReader) answerRow(n int, col map[string]int, get func(string) string, now time.Time) (string, assessment.Answer, bool) {
	id := strings.TrimSpace(get(colID))
	value := strings.TrimSpace(get(colAnswer))
	rest := get(colNote) + get(colEvidence) + get(colOwner) + get(colFlagged) + get(colAnsweredBy) + get(colUpdatedAt)
	switch {
	case id == "" && value == "" && rest == "":
		return "", assessment.Answer{}, false
	case id == "":
		r.errorAt(sheetAnswers, col[colID], n, "an answer needs the question ID in column %s", colName(col[colID]))
		return "", assessment.Answer{}, false
	case value == "" && rest != "":
		r.errorAt(sheetAnswers, col[colAnswer], n, "%s: a note, owner or flag needs an answer (one of: yes, no-evidence, partial, no, unknown, na)", id)
		return "", assessment.Answer{}, false
	case value == "":
		return id, assessment.Answer{}, true
	}
	return id, assessment.Answer{
		Value:      assessment.Value(value),
		Note:       get(colNote),
		Evidence:   get(colEvidence),
		Owner:      get(colOwner),
		Flagged:    r.yesNoCell(sheetAnswers, col[colFlagged], n, get(colFlagged)),
		AnsweredBy: get(colAnsweredBy),
		UpdatedAt:  r.readTime(sheetAnswers, col[colUpdatedAt], n, get(colUpdatedAt), now.UTC()),
	}, true
}

func dataTypeNames() string {
	names := make([]string, len(assessment.DataTypes))
	for i, d := range assessment.DataTypes {
		names[i] = string(d.Type)
	}
	return strings.Join(names, ", ")
}
