package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/gapmap/gapmap/internal/roadmap"
	"github.com/gapmap/gapmap/internal/sanitize"
)

var csvHeader = []string{
	"order", "phase", "id", "question", "criteria", "severity", "effort",
	"evidence", "answer", "owner", "priority", "rationale", "depends_on",
	"title", "package", "reason", "weeks", "planned_weeks", "lead_time_weeks",
}

// CSV writes one row per roadmap item (one per question, for tickets; the
// package column groups them), in plan order, as RFC 4180 (CRLF line
// ends, quotes where needed), for spreadsheets and ticket imports.
func CSV(w io.Writer, in Input) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i, it := range in.Plan.Items {
		if err := cw.Write(csvRow(i+1, it)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(order int, it roadmap.Item) []string {
	q := it.Question
	return []string{
		strconv.Itoa(order),
		it.Phase.Slug(),
		csvCell(q.ID),
		csvCell(q.Text),
		csvCell(strings.Join(q.Criteria, " ")),
		csvCell(string(q.Severity)),
		csvCell(string(q.Effort)),
		csvCell(string(q.Evidence)),
		csvCell(string(it.Answer.Value)),
		csvCell(it.Answer.Owner),
		strconv.FormatFloat(it.Priority, 'f', 2, 64),
		csvCell(it.Rationale),
		csvCell(strings.Join(it.DependsOn, " ")),
		csvCell(it.Title),
		csvCell(it.Package),
		string(it.Reason),
		strconv.FormatFloat(it.Weeks, 'f', -1, 64),
		strconv.FormatFloat(math.Round(it.PlannedWeeks*1e4)/1e4, 'f', -1, 64),
		strconv.FormatFloat(it.LeadTimeWeeks, 'f', -1, 64),
	}
}

// csvCell cleans text for a cell: no control characters or escape
// sequences, one line. A cell a spreadsheet would run as a formula (it
// starts with =, +, -, @) gets a leading apostrophe, the usual defence
// against CSV injection; spreadsheets hide it, ticket importers keep it.
func csvCell(s string) string {
	s = sanitize.Line(s)
	if s != "" && strings.IndexByte("=+-@", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
