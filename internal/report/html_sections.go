package report

import (
	"fmt"
	"strings"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/roadmap"
)

type htmlPhase struct {
	Title string
	Items []htmlItem
}

type htmlItem struct {
	N                                   int
	Title, ID, Severity, SeverityClass  string
	Effort, Package, Owner, Answer, Due string
	Why, Note, DependsOn, Reason        string
	Steps                               []string
}

func phases(in Input) []htmlPhase {
	var out []htmlPhase
	n := 0
	due := optionalDate(in.Plan.Timeline.Ready)
	for _, ph := range roadmap.Phases {
		items := in.Plan.Phase(ph)
		if len(items) == 0 {
			continue
		}
		p := htmlPhase{Title: ph.Title()}
		for _, it := range items {
			n++
			q := it.Question
			pkg := ""
			if it.Package != "" {
				pkg = packageTitle(in.Questionnaire, it.Package)
			}
			p.Items = append(p.Items, htmlItem{
				N: n, Title: it.Title, ID: q.ID, Reason: it.Reason.Title(), Severity: q.Severity.Title(), SeverityClass: string(q.Severity),
				Effort: string(q.Effort), Package: pkg, Owner: text(it.Answer.Owner), Answer: it.Answer.Value.Short(),
				Due: due, Why: it.Rationale, Note: text(it.Answer.Note), DependsOn: strings.ReplaceAll(titles(in.Questionnaire, it.DependsOn), "\n", ", "),
				Steps: q.Help.FirstSteps,
			})
		}
		out = append(out, p)
	}
	return out
}

// htmlWindow is the Type II calendar as a table.
type htmlWindow struct {
	Months []string
	Rows   []htmlWindowRow
}

type htmlWindowRow struct {
	Title, Frequency string
	Gap              bool
	Runs             []bool
}

func windowTable(in Input) *htmlWindow {
	w := in.Plan.Timeline.Window
	if w == nil {
		return nil
	}
	out := &htmlWindow{}
	for m := 1; m <= w.Months; m++ {
		label := fmt.Sprintf("M%d", m)
		if d := w.MonthStart(m); d != nil {
			label = d.Format("Jan 06")
		}
		out.Months = append(out.Months, label)
	}
	for _, r := range w.Runs {
		row := htmlWindowRow{Title: r.Title, Frequency: string(r.Frequency), Gap: r.Gap, Runs: make([]bool, w.Months)}
		for _, m := range r.Months {
			row.Runs[m-1] = true
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// The heat map: a tile per criterion, coloured by readiness band.
type htmlHeatGroup struct {
	Category string
	Height   int
	Tiles    []htmlTile
}

type htmlTile struct {
	ID, Title, Value, Class string
	X, Y                    int
}

const (
	tileW, tileH, tilesPerRow = 92, 50, 7
)

func heatMap(in Input) []htmlHeatGroup {
	var out []htmlHeatGroup
	for _, c := range in.Assessment.Categories {
		g := htmlHeatGroup{Category: c.Title()}
		for _, cs := range in.Evaluation.Criteria {
			if cs.Criterion.Category != c {
				continue
			}
			i := len(g.Tiles)
			g.Tiles = append(g.Tiles, htmlTile{
				ID: cs.Criterion.ID, Title: cs.Criterion.Title, Value: readiness(cs.Score),
				Class: heatClass(cs.Score), X: (i % tilesPerRow) * (tileW + 4), Y: (i / tilesPerRow) * (tileH + 4),
			})
		}
		if len(g.Tiles) == 0 {
			continue
		}
		g.Height = ((len(g.Tiles)-1)/tilesPerRow + 1) * (tileH + 4)
		out = append(out, g)
	}
	return out
}

// heatClass is a readiness band: h0 under 25%, h1 under 50%, h2 under 75%,
// h3 under 100%, h4 all in place, hn not measured.
func heatClass(s assessment.Score) string {
	if s.Scored == 0 {
		return "hn"
	}
	switch r := s.Readiness; {
	case r >= 0.9999:
		return "h4"
	case r >= 0.75:
		return "h3"
	case r >= 0.5:
		return "h2"
	case r >= 0.25:
		return "h1"
	}
	return "h0"
}

type htmlScope struct {
	Fields      []htmlFigure
	Components  [][]string
	DataTypes   []string
	Teams       []string
	Subservices [][]string
	CUECs       []string
}

func scopeView(s assessment.Scope) htmlScope {
	field := func(label, v string) htmlFigure {
		if v == "" {
			v = "Not recorded"
		}
		return htmlFigure{Label: label, Value: v}
	}
	headcount, capacity := "", "Not given (1 person assumed)"
	if s.Headcount > 0 {
		headcount = fmt.Sprint(s.Headcount)
	}
	if s.Capacity > 0 {
		capacity = number(s.Capacity) + " people (full-time equivalent)"
	}
	out := htmlScope{
		Fields: []htmlFigure{field("Organization", text(s.Organization)), field("System", text(s.System)),
			field("Description", text(s.Description)), field("Headcount", headcount), field("Remediation capacity", capacity)},
		Teams: textAll(s.PrivilegedTeams), CUECs: textAll(s.CUECs),
	}
	for _, c := range s.Components {
		out.Components = append(out.Components, []string{text(c.Name), text(string(c.Kind)), yesNo(c.CustomerData)})
	}
	for _, sub := range s.Subservices {
		out.Subservices = append(out.Subservices, []string{text(sub.Name), text(sub.Service), text(string(sub.Method)), yesNo(sub.HasReport)})
	}
	for _, d := range s.DataTypes {
		out.DataTypes = append(out.DataTypes, oneLineOr(dataTypeLabel(d), text(string(d))))
	}
	return out
}

func textAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if t := text(s); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// htmlNote is a question with the context of its answer.
type htmlNote struct {
	Title, ID, Answer, Owner, Note string
}

func notes(items []roadmap.Item, follow []roadmap.FollowUp) []htmlNote {
	var out []htmlNote
	add := func(q *questionnaire.Question, ans assessment.Answer) {
		out = append(out, htmlNote{Title: titleOf(q), ID: q.ID, Answer: ans.Value.Short(), Owner: text(ans.Owner), Note: text(ans.Note)})
	}
	for _, it := range items {
		add(it.Question, it.Answer)
	}
	for _, f := range follow {
		add(f.Question, f.Answer)
	}
	return out
}

type htmlArea struct {
	Title   string
	Answers []htmlAnswer
}

type htmlAnswer struct {
	Title, ID, Answer, Class, Owner, AnsweredBy, Evidence, Note string
	Flagged                                                     bool
}

func answerAreas(in Input) []htmlArea {
	var out []htmlArea
	for _, area := range in.Evaluation.Areas {
		a := htmlArea{Title: area.Area.Title}
		for _, q := range in.Evaluation.Questions {
			if q.Area != area.Area.ID {
				continue
			}
			ans, ok := in.Assessment.Answers[q.ID]
			row := htmlAnswer{Title: titleOf(q), ID: q.ID, Answer: answerLabel(ans, ok), Class: "unanswered"}
			if ok {
				row.Class = string(ans.Value)
				row.Owner, row.AnsweredBy = text(ans.Owner), text(ans.AnsweredBy)
				row.Evidence, row.Note, row.Flagged = text(ans.Evidence), text(ans.Note), ans.Flagged
			}
			a.Answers = append(a.Answers, row)
		}
		out = append(out, a)
	}
	return out
}
