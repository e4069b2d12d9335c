// Package cli is gapmap's command line: the root command that opens the TUI
// and the non-interactive commands for scripts and CI.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// Exit codes, stable for scripts.
const (
	exitOK       = 0
	exitUser     = 1 // bad input, not found, refused
	exitInternal = 2 // a bug or an environment failure
)

// app holds the global flags and the process's streams.
type app struct {
	dbPath            string
	questionnairePath string
	accessible        bool
	noColor           bool

	stdin          io.Reader
	stdout, stderr io.Writer

	// custom is the questionnaire of --questionnaire, read once: a bank of
	// thousands of questions takes a second and a hundred MiB to read.
	custom struct {
		once sync.Once
		qn   *questionnaire.Questionnaire
		err  error
	}
}

// userError is a failure caused by the user's input; it exits 1.
type userError struct{ err error }

func (e userError) Error() string { return e.err.Error() }
func (e userError) Unwrap() error { return e.err }

func userErrorf(format string, args ...any) error {
	return userError{fmt.Errorf(format, args...)}
}

// Main runs the command line and returns the process exit code.
func Main(version string) int {
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	root := a.rootCommand()
	opts := []fang.Option{
		fang.WithErrorHandler(a.printError),
		fang.WithNotifySignal(os.Interrupt),
	}
	if version != "" {
		opts = append(opts, fang.WithVersion(version))
	}
	err := fang.Execute(context.Background(), root, opts...)
	return exitCode(err)
}

func exitCode(err error) int {
	var ue userError
	var ps yamlfile.Problems
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), errors.As(err, &ps), isUsageError(err):
		return exitUser
	case isRefusal(err):
		return exitUser // a refusal that reached here unmarked
	}
	return exitInternal
}

// usageError marks cobra's own argument and flag errors.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

func isUsageError(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// printError writes an error as plain lines on stderr: one per problem for
// file problems, so editors and CI can jump to file:line:col.
func (a *app) printError(w io.Writer, _ fang.Styles, err error) {
	var ps yamlfile.Problems
	if errors.As(err, &ps) {
		ps.Print(w)
		return
	}
	fmt.Fprintf(w, "gapmap: %v\n", err)
	if isUsageError(err) {
		fmt.Fprintln(w, "Run 'gapmap --help' for usage.")
	}
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "gapmap",
		Short: "SOC 2 readiness assessment and remediation roadmap, in your terminal",
		Long: `gapmap walks you through a SOC 2 readiness assessment: scope, Trust Services
Criteria, then one plain-language question at a time. Every answer is saved to a
local SQLite file as you give it. gapmap turns the answers into a prioritized
remediation roadmap with a timeline to Type I and Type II, and exports it as a
Markdown or HTML report, JSON, CSV, an Excel workbook, or a draft ISO 27001
Statement of Applicability.

Run gapmap with no command to open the interactive assessment.`,
		Args:              cobra.NoArgs,
		SilenceUsage:      true,
		SilenceErrors:     true,
		RunE:              a.runTUI,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&a.dbPath, "db", "", "database file (default: $GAPMAP_DB, else the user data directory)")
	pf.StringVar(&a.questionnairePath, "questionnaire", "", "use a custom questionnaire file instead of the built-in one")
	pf.BoolVar(&a.accessible, "accessible", os.Getenv("ACCESSIBLE") != "", "plain line prompts for screen readers, no full-screen UI (env ACCESSIBLE)")
	pf.BoolVar(&a.noColor, "no-color", false, "disable colors (also honored: NO_COLOR)")
	root.AddCommand(a.listCommand(), a.importCommand(), a.exportCommand(), a.compareCommand(), a.deleteCommand(), a.renameCommand(), a.demoCommand(), a.questionnaireCommand())
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// wrapArgs marks argument-count errors as usage errors so they exit 1.
func wrapArgs(c *cobra.Command) {
	if c.Args != nil {
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}
