package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/store"
)

// listEntry is one assessment in `gapmap list --json`; its keys are stable.
type listEntry struct {
	Name          string    `json:"name"`
	Organization  string    `json:"organization"`
	Questionnaire string    `json:"questionnaire"`
	Answered      int       `json:"answered"`
	Applicable    int       `json:"applicable"`
	Progress      int       `json:"progress_pct"`
	Readiness     int       `json:"readiness_pct"`
	UpdatedAt     time.Time `json:"updated_at"`
}

func (a *app) listCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List assessments with progress and readiness",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			infos, err := a.listAssessments(cmd)
			if err != nil {
				return err
			}
			entries := make([]listEntry, len(infos))
			for i, in := range infos {
				entries[i] = listEntry{
					Name: in.Name, Organization: in.Organization, Questionnaire: in.QuestionnaireID,
					Answered: in.Summary.Answered, Applicable: in.Summary.Applicable,
					Progress: pct(in.Summary.Progress), Readiness: pct(in.Summary.Readiness),
					UpdatedAt: in.UpdatedAt.UTC(),
				}
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(entries)
			}
			if len(entries) == 0 {
				fmt.Fprintln(a.stdout, "No assessments yet. Run 'gapmap' to start one, 'gapmap demo' to explore an example, or 'gapmap import FILE'.")
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tORGANIZATION\tQUESTIONNAIRE\tPROGRESS\tREADINESS\tUPDATED")
			for _, e := range entries {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d%% (%d/%d)\t%d%%\t%s\n", oneLine(e.Name), oneLine(e.Organization),
					e.Questionnaire, e.Progress, e.Answered, e.Applicable, e.Readiness, e.UpdatedAt.Local().Format("2006-01-02 15:04"))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// listAssessments lists the database read-only. On the default path a
// missing database is simply no assessments yet, and none is created; a
// database named explicitly (--db, GAPMAP_DB) must exist, so that a
// mistyped path is reported rather than taken for an empty database.
func (a *app) listAssessments(cmd *cobra.Command) ([]store.Info, error) {
	s, err := a.openReader()
	if errors.Is(err, store.ErrNoDatabase) && !a.explicitDB() {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer s.Close()
	infos, err := s.List(cmd.Context())
	return infos, storeError(err)
}

// pct rounds a 0–1 share to a whole percentage.
func pct(f float64) int { return int(f*100 + 0.5) }
