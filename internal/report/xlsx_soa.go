package report

import "strings"

// sheetSoA is the draft Statement of Applicability; computed, not imported.
const sheetSoA = "SoA draft"

// writeSoASheet writes the draft ISO/IEC 27001:2022 Statement of
// Applicability: one row per Annex A control, then the note that it is a
// draft to follow from the risk treatment plan.
func writeSoASheet(b *book, in Input) {
	const s = sheetSoA
	b.sheet(s)
	rows := SoARows(in.Questionnaire, in.Assessment, in.ISO)
	headers := []string{"Control", "Theme", "What it asks (our words)", "Applicable", "Justification", "Implementation", "Questions", "Owner", "Evidence"}
	widths := []float64{9, 14, 40, 11, 50, 22, 40, 22, 40}
	b.table(s, 1, headers, widths, len(rows))
	for i, r := range rows {
		b.row(s, i+2, r.Control.ID, r.Control.Theme.Title(), r.Control.Title, r.Applicable, r.Justification, r.Status,
			strings.Join(r.Questions, " "), strings.Join(r.Owners, "; "), strings.Join(r.Evidence, "; "))
	}
	// The note stands under the table, so the sheet filters and freezes
	// like every other; the sheet's name says "draft" too.
	note := len(rows) + 3
	b.cell(s, 1, note, "DRAFT. "+soaDraftNote)
	b.styleCells(s, 1, note, 1, note, b.section)
	b.styleCells(s, 1, 2, len(headers), len(rows)+1, b.wrap)
}
