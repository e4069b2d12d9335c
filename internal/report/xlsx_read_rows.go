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
	const s = sheetScope
	var sc assessment.Scope
	seen := map[string]int{}
	for i := 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		part := strings.TrimSpace(at(row, 1))
		name, detail, method, flag := at(row, 2), at(row, 3), at(row, 4), at(row, 5)
		if part == "" {
			if strings.Join(row, "") != "" {
				r.errorAt(s, 1, n, "a row needs its part in column A (one of: %s)", strings.Join(scopeParts, ", "))
			}
			continue
		}
		if slices.Contains(scopeParts[:5], part) {
			if prev, dup := seen[part]; dup {
				r.errorAt(s, 1, n, "%s is given twice (also in row %d)", part, prev)
				continue
			}
			seen[part] = n
		}
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
				continue
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
				continue
			}
			if sc.Declared == nil {
				sc.Declared = map[string]bool{}
			}
			sc.Declared[fact] = r.yesNoCell(s, 5, n, flag)
		default:
			r.errorAt(s, 1, n, "unknown part %q (expected one of: %s)", part, strings.Join(scopeParts, ", "))
		}
	}
	return sc
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

// readAnswers reads the Answers sheet; its columns are found by header.
func (r *workbookReader) readAnswers(rows [][]string, qn *questionnaire.Questionnaire, a *assessment.Assessment, now time.Time) {
	const s = sheetAnswers
	if len(rows) == 0 {
		r.errorAt(s, 1, 1, "the header row is missing")
		return
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		if h = strings.TrimSpace(h); h != "" {
			if _, dup := col[h]; !dup {
				col[h] = i + 1
			}
		}
	}
	missing := false
	for _, h := range []string{colID, colAnswer, colNote, colEvidence, colOwner, colFlagged, colAnsweredBy, colUpdatedAt} {
		if col[h] == 0 {
			r.errorAt(s, 1, 1, "no %q column in the header row", h)
			missing = true
		}
	}
	if missing {
		return
	}
	seen := map[string]int{}
	for i := 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		get := func(h string) string { return at(row, col[h]) }
		id := strings.TrimSpace(get(colID))
		value := strings.TrimSpace(get(colAnswer))
		rest := get(colNote) + get(colEvidence) + get(colOwner) + get(colFlagged) + get(colAnsweredBy) + get(colUpdatedAt)
		if id == "" {
			if value != "" || rest != "" {
				r.errorAt(s, col[colID], n, "an answer needs the question ID in column %s", colName(col[colID]))
			}
			continue
		}
		if qn.Question(id) == nil {
			r.errorAt(s, col[colID], n, "unknown question id %q (not in questionnaire %s)", id, qn.ID)
			continue
		}
		if prev, dup := seen[id]; dup {
			r.errorAt(s, col[colID], n, "%s is answered twice (also in row %d)", id, prev)
			continue
		}
		seen[id] = n
		if value == "" {
			if rest != "" {
				r.errorAt(s, col[colAnswer], n, "%s: a note, owner or flag needs an answer (one of: yes, no-evidence, partial, no, unknown, na)", id)
			}
			continue
		}
		ans := assessment.Answer{
			Value:      assessment.Value(value),
			Note:       get(colNote),
			Evidence:   get(colEvidence),
			Owner:      get(colOwner),
			Flagged:    r.yesNoCell(s, col[colFlagged], n, get(colFlagged)),
			AnsweredBy: get(colAnsweredBy),
			UpdatedAt:  r.readTime(s, col[colUpdatedAt], n, get(colUpdatedAt), now.UTC()),
		}
		if err := ans.Check(); err != nil {
			r.errorAt(s, col[colAnswer], n, "%s: %v", id, err)
			continue
		}
		a.Answers[id] = ans
	}
}

func dataTypeNames() string {
	names := make([]string, len(assessment.DataTypes))
	for i, d := range assessment.DataTypes {
		names[i] = string(d.Type)
	}
	return strings.Join(names, ", ")
}
