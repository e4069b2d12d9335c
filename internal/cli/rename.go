package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) renameCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "rename OLD NEW",
		Short: "Rename an assessment",
		Long:  `Rename an assessment; its answers and history stay with it. The new name must be free.`,
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			newName := oneLine(strings.TrimSpace(args[1]))
			if newName == "" {
				return userErrorf("the new name is empty")
			}
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			as, err := s.LoadByName(cmd.Context(), args[0])
			if err != nil {
				return notFound(err)
			}
			if err := s.Rename(cmd.Context(), as.UUID, newName); err != nil {
				return notFound(err)
			}
			fmt.Fprintf(a.stdout, "Renamed %q to %q\n", oneLine(as.Name), newName)
			return nil
		},
	}
}
