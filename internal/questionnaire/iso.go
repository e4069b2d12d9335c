package questionnaire

import "fmt"

// isoClauses are the clauses and sub-clauses of ISO/IEC 27001:2022 that hold
// requirements (4 to 10). Clauses name management-system practice, such as
// 6.1.2 for the risk assessment, where Annex A has no control.
var isoClauses = map[string]bool{
	"4.1": true, "4.2": true, "4.3": true, "4.4": true,
	"5.1": true, "5.2": true, "5.3": true,
	"6.1": true, "6.1.1": true, "6.1.2": true, "6.1.3": true, "6.2": true, "6.3": true,
	"7.1": true, "7.2": true, "7.3": true, "7.4": true, "7.5": true, "7.5.1": true, "7.5.2": true, "7.5.3": true,
	"8.1": true, "8.2": true, "8.3": true,
	"9.1": true, "9.2": true, "9.2.1": true, "9.2.2": true, "9.3": true, "9.3.1": true, "9.3.2": true, "9.3.3": true,
	"10.1": true, "10.2": true,
}

// annexACount is the number of controls in each Annex A theme of the 2022
// edition: 5 organizational, 6 people, 7 physical, 8 technological.
var annexACount = map[int]int{5: 37, 6: 8, 7: 14, 8: 34}

// AnnexAControls lists the 93 Annex A control IDs of ISO/IEC 27001:2022 in
// order, A.5.1 to A.8.34.
func AnnexAControls() []string {
	var ids []string
	for theme := 5; theme <= 8; theme++ {
		for i := 1; i <= annexACount[theme]; i++ {
			ids = append(ids, fmt.Sprintf("A.%d.%d", theme, i))
		}
	}
	return ids
}

// IsAnnexA reports whether ref is an Annex A control of the 2022 edition,
// written as AnnexAControls writes it. A set, not a scan of the text: every
// ISO reference of a 5,000-question bank is checked as it is loaded.
func IsAnnexA(ref string) bool { return annexA[ref] }

var annexA = func() map[string]bool {
	set := map[string]bool{}
	for _, id := range AnnexAControls() {
		set[id] = true
	}
	return set
}()

// IsISOClause reports whether ref is a requirement clause (4 to 10) of
// ISO/IEC 27001:2022, such as 6.1.2.
func IsISOClause(ref string) bool { return isoClauses[ref] }

// ValidISORef reports whether ref is an Annex A control or a clause.
func ValidISORef(ref string) bool { return IsAnnexA(ref) || IsISOClause(ref) }
