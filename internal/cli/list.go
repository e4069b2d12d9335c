package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/store"
)

// listEntry is one assessment in `gapmap list --json`; its keys are stable.
type listEntry struct {
	Name          string `json:"name"`
	Organization  string `json:"organization"`
	Questionnaire string `json:"questionnaire"`
	Answered      int    `json:"answered"`
	Applicable    int    `json:"applicable"`
	Progress      int    `json:"progress_pct"`
	// Readiness is "controls in place", null while no question is
	// answered; Auditable "auditable today", null then too and for an
	// assessment not saved since the store began keeping it.
	Readiness *int      `json:"readiness_pct"`
	Auditable *int      `json:"auditable_pct"`
	UpdatedAt time.Time `json:"updated_at"`
}

func (a *app) listCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List assessments with progress, controls in place and auditable today",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// One buffered write instead of a write call per cell: 10,000
			// rows made 130,000 system calls.
			w := bufio.NewWriterSize(a.stdout, 64<<10)
			list := a.listTable
			if asJSON {
				list = a.listJSON
			}
			if err := list(cmd, w); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// listJSON writes each assessment as it is read.
func (a *app) listJSON(cmd *cobra.Command, w io.Writer) error {
	arr := jsonArray{w: w}
	err := a.eachAssessment(cmd, func(o store.Overview) error {
		return arr.add(newListEntry(o))
	})
	if err != nil {
		return err
	}
	return arr.close()
}

// listTable reads every assessment before it writes the first line, which
// needs the width of every column.
func (a *app) listTable(cmd *cobra.Command, w io.Writer) error {
	t := newColumns(7, 2)
	t.add("NAME", "ORGANIZATION", "QUESTIONNAIRE", "PROGRESS", "IN PLACE", "AUDITABLE", "UPDATED")
	err := a.eachAssessment(cmd, func(o store.Overview) error {
		addListRow(t, o)
		return nil
	})
	if err != nil {
		return err
	}
	if len(t.ends) == t.cols {
		_, err := fmt.Fprintln(w, "No assessments yet. Run 'gapmap' to start one, 'gapmap demo' to explore an example, or 'gapmap import FILE'.")
		return err
	}
	return t.writeTo(w)
}

// addListRow appends an assessment's cells to the table, the numbers
// formatted in place rather than as a string each.
func addListRow(t *columns, o store.Overview) {
	sum := o.Summary
	t.add(oneLine(o.Name), oneLine(o.Organization), o.QuestionnaireID)
	t.text = strconv.AppendInt(t.text, int64(pct(sum.Progress)), 10)
	t.text = append(t.text, "% ("...)
	t.text = strconv.AppendInt(t.text, int64(sum.Answered), 10)
	t.text = append(t.text, '/')
	t.text = strconv.AppendInt(t.text, int64(sum.Applicable), 10)
	t.text = append(t.text, ')')
	t.end()
	// "—" where nothing is scored yet, as on the home screen: 0% would say
	// that nothing is in place.
	if sum.Answered > 0 {
		t.text = strconv.AppendInt(t.text, int64(pct(sum.Readiness)), 10)
		t.text = append(t.text, '%')
	} else {
		t.text = append(t.text, "—"...)
	}
	t.end()
	if o.AuditableKnown && sum.Answered > 0 {
		t.text = strconv.AppendInt(t.text, int64(pct(sum.Auditable)), 10)
		t.text = append(t.text, '%')
	} else {
		t.text = append(t.text, "—"...)
	}
	t.end()
	t.text = o.UpdatedAt.Local().AppendFormat(t.text, "2006-01-02 15:04")
	t.end()
}

func newListEntry(o store.Overview) listEntry {
	e := listEntry{
		Name: o.Name, Organization: o.Organization, Questionnaire: o.QuestionnaireID,
		Answered: o.Summary.Answered, Applicable: o.Summary.Applicable,
		Progress: pct(o.Summary.Progress), UpdatedAt: o.UpdatedAt.UTC(),
	}
	if o.Summary.Answered == 0 {
		return e
	}
	v := pct(o.Summary.Readiness)
	e.Readiness = &v
	if o.AuditableKnown {
		v := pct(o.Summary.Auditable)
		e.Auditable = &v
	}
	return e
}

// eachAssessment calls fn with every assessment of the database, which
// it opens read-only. On the default path a missing database is simply no
// assessments yet, and none is created; a database named explicitly
// (--db, GAPMAP_DB) must exist, so that a mistyped path is reported rather
// than taken for an empty database.
func (a *app) eachAssessment(cmd *cobra.Command, fn func(store.Overview) error) error {
	s, err := a.openReader()
	if errors.Is(err, store.ErrNoDatabase) && !a.explicitDB() {
		return nil
	}
	if err != nil {
		return err
	}
	defer s.Close()
	return storeError(s.EachOverview(cmd.Context(), fn))
}

// pct rounds a 0–1 share to a whole percentage.
func pct(f float64) int { return int(f*100 + 0.5) }
