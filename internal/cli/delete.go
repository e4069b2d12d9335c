package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) deleteCommand() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete NAME",
		Short: "Delete an assessment, its answers and its history",
		Long: `Delete an assessment with all its answers and history. On a terminal gapmap
asks for confirmation; elsewhere pass --yes.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.openStore()
			if err != nil {
				return err
			}
			defer s.Close()
			as, err := s.LoadByName(cmd.Context(), args[0])
			if err != nil {
				return notFound(err)
			}
			if !yes {
				in, ok := a.stdin.(*os.File)
				if !ok || !isTerminal(in) {
					return userErrorf("refusing to delete %q without confirmation: pass --yes", oneLine(as.Name))
				}
				fmt.Fprintf(a.stderr, "Delete %q with its %d answers and their history? This cannot be undone. [y/N] ", oneLine(as.Name), len(as.Answers))
				line, _ := bufio.NewReader(in).ReadString('\n')
				if ans := strings.ToLower(strings.TrimSpace(line)); ans != "y" && ans != "yes" {
					fmt.Fprintln(a.stderr, "Nothing deleted.")
					return nil
				}
			}
			if err := s.Delete(cmd.Context(), as.UUID); err != nil {
				return storeError(err)
			}
			fmt.Fprintf(a.stdout, "Deleted %q\n", oneLine(as.Name))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask for confirmation")
	return cmd
}
