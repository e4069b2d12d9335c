// Package e2e drives the real gapmap binary in tmux, as a person would.
package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// terminal is a tmux session on a private socket, running a shell.
type terminal struct {
	t      *testing.T
	socket string
}

func newTerminal(t *testing.T, env []string, w, h int) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; `make test` installs it")
	}
	term := &terminal{t: t, socket: fmt.Sprintf("gapmap-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	args := []string{"-L", term.socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "env", "-i"}
	args = append(args, env...)
	args = append(args, "PS1=$ ", "sh")
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", term.socket, "kill-server").Run() })
	return term
}

// keys sends tmux key names (Enter, Escape, q...).
func (term *terminal) keys(keys ...string) {
	term.t.Helper()
	args := append([]string{"-L", term.socket, "send-keys", "-t", "e2e"}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		term.t.Fatalf("send-keys %v: %v: %s", keys, err, out)
	}
}

// text types literal text.
func (term *terminal) text(s string) {
	term.t.Helper()
	if out, err := exec.Command("tmux", "-L", term.socket, "send-keys", "-t", "e2e", "-l", s).CombinedOutput(); err != nil {
		term.t.Fatalf("send-keys -l: %v: %s", err, out)
	}
}

func (term *terminal) screen() string {
	out, err := exec.Command("tmux", "-L", term.socket, "capture-pane", "-p", "-t", "e2e").Output()
	if err != nil {
		term.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// waitFor waits until the screen shows text; it never sleeps a fixed time
// before looking.
func (term *terminal) waitFor(text string) {
	term.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := term.screen()
		if strings.Contains(s, text) {
			return
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("the screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// field presses enter to leave a form field and waits for the next one.
func (term *terminal) field(next string) {
	term.t.Helper()
	term.keys("Enter")
	term.waitFor("┃ " + next)
}

func binary(t *testing.T) string {
	if bin := os.Getenv("GAPMAP_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "gapmap")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/gapmap").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v: %s", err, out)
	}
	return bin
}

// TestAssessmentEndToEnd creates an assessment with a scope, selects
// criteria, answers twelve questions, quits, reopens and finds them
// answered, opens the roadmap, exports Markdown, and checks that
// `gapmap export --format json` shows the same answers.
func TestAssessmentEndToEnd(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "gapmap.db")
	env := []string{"GAPMAP_DB=" + db, "HOME=" + dir, "XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"TERM=xterm-256color", "PATH=" + os.Getenv("PATH")}
	term := newTerminal(t, env, 100, 32)
	run := bin + "; echo EXIT=$?"

	term.text(run)
	term.keys("Enter")
	term.waitFor("No assessments yet")

	// Scope.
	term.keys("n")
	term.waitFor("┃ Assessment name")
	term.text("E2E Corp")
	term.field("Organization")
	term.text("E2E Corp, Inc.")
	term.field("System or service in scope")
	term.text("E2E Cloud")
	term.field("Short description")
	term.field("Data the system handles")
	term.keys("Space") // customer content
	term.field("Headcount")
	term.text("12")
	term.field("People available for remediation")
	term.text("1")
	// Each company fact is answered: the first yes, the others no.
	term.field("We build and deploy our own software")
	term.keys("Right", "Enter")
	for _, fact := range []string{"Staff work from one or more offices", "We run our own servers",
		"Contracts commit us to uptime", "Contractors or outsourced staff"} {
		term.waitFor("┃ " + fact)
		term.keys("Right", "Right", "Enter")
	}
	// The repeatable lists, item by item: a component and a vendor.
	term.waitFor("› + Add a component")
	term.keys("Enter")
	term.waitFor("┃ Name")
	term.text("AWS production")
	term.field("Kind")
	term.field("Does it store or process customer data?")
	term.keys("y")
	term.waitFor("› AWS production")
	term.keys("Tab")
	term.waitFor("› + Add a subservice organization")
	term.keys("Enter")
	term.waitFor("┃ Name")
	term.text("Amazon Web Services")
	term.field("What they do for you")
	term.text("hosting")
	term.field("How the report treats them")
	term.field("Do you have their current SOC 2 report?")
	term.keys("y")
	term.waitFor("› Amazon Web Services")
	term.keys("G")
	term.waitFor("› Continue to criteria")
	// Criteria: add Availability, the first optional category; Type II.
	term.field("Add other Trust Services Categories?")
	term.keys("Space")
	term.field("Which report are you aiming for?")
	term.keys("Down")
	term.field("Type II observation window")
	term.field("Target date for the report")
	term.field("Remediation starts on")
	term.text("2027-01-04")
	// The ISO/IEC 27001 opt-in stays off.
	term.field("Also prepare for ISO/IEC 27001:2022?")
	term.keys("Enter")
	term.waitFor("question 1 of")

	// Twelve answers; each saves and moves on.
	answers := "134251341234"
	values := map[byte]string{'1': "yes", '2': "no-evidence", '3': "partial", '4': "no", '5': "unknown"}
	for i := range answers {
		term.keys(answers[i : i+1])
		term.waitFor(fmt.Sprintf("question %d of", i+2))
	}
	term.waitFor("Saved:")
	term.keys("q")
	term.waitFor("EXIT=0")

	// Reopen: the list shows the progress and the assessment resumes at
	// the first unanswered question.
	term.text("clear; " + run)
	term.keys("Enter")
	term.waitFor("E2E Corp")
	term.keys("Enter")
	term.waitFor("question 13 of")
	term.keys("h")
	term.waitFor("Answer: Not in place") // the twelfth answer was 4

	// Roadmap, then export to Markdown.
	term.keys("M")
	term.waitFor("Roadmap: E2E Corp")
	term.waitFor("Ready for a Type I audit")
	term.keys("X")
	term.waitFor("┃ Format")
	term.field("File")
	md := filepath.Join(dir, "roadmap.md")
	term.text(md)
	term.keys("Enter")
	term.waitFor("Exported to")
	term.keys("q")
	term.waitFor("EXIT=0")

	data, err := os.ReadFile(md)
	if err != nil {
		t.Fatalf("the export is not on disk: %v", err)
	}
	if !strings.HasPrefix(string(data), "# SOC 2 readiness: E2E Corp") {
		t.Fatalf("unexpected Markdown:\n%.300s", data)
	}

	// The JSON export holds exactly the twelve answers given.
	cmd := exec.Command(bin, "export", "E2E Corp", "--format", "json")
	cmd.Env = append(os.Environ(), "GAPMAP_DB="+db)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gapmap export: %v", err)
	}
	var doc struct {
		Scope struct {
			Components []struct {
				Name         string `json:"name"`
				CustomerData bool   `json:"customer_data"`
			} `json:"components"`
			Subservices []struct {
				Name      string `json:"name"`
				HasReport bool   `json:"soc2_report"`
			} `json:"subservices"`
		} `json:"scope"`
		Report struct {
			Type string `json:"type"`
		} `json:"report"`
		Categories []string `json:"categories"`
		Answers    map[string]struct {
			Answer string `json:"answer"`
		} `json:"answers"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Answers) != len(answers) {
		t.Fatalf("export has %d answers, want %d", len(doc.Answers), len(answers))
	}
	count := map[string]int{}
	for _, a := range doc.Answers {
		count[a.Answer]++
	}
	want := map[string]int{}
	for i := range answers {
		want[values[answers[i]]]++
	}
	for v, n := range want {
		if count[v] != n {
			t.Errorf("export has %d %q answers, want %d (all: %v)", count[v], v, n, count)
		}
	}
	if sc := doc.Scope; len(sc.Components) != 1 || sc.Components[0].Name != "AWS production" || !sc.Components[0].CustomerData ||
		len(sc.Subservices) != 1 || sc.Subservices[0].Name != "Amazon Web Services" || !sc.Subservices[0].HasReport {
		t.Errorf("scope lists = %+v", sc)
	}
	if doc.Report.Type != "type2" {
		t.Errorf("report type = %q, want type2", doc.Report.Type)
	}
	if strings.Join(doc.Categories, ",") != "security,availability" {
		t.Errorf("categories = %v, want security and availability", doc.Categories)
	}
}

// env is the environment of a test terminal with its own database.
func env(dir string) []string {
	return []string{"GAPMAP_DB=" + filepath.Join(dir, "gapmap.db"), "HOME=" + dir, "XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"TERM=xterm-256color", "PATH=" + os.Getenv("PATH")}
}

// withExample imports the example assessment into dir's database.
func withExample(t *testing.T, bin, dir string) {
	t.Helper()
	cmd := exec.Command(bin, "import", "../testdata/answers/example.yaml")
	cmd.Env = append(os.Environ(), "GAPMAP_DB="+filepath.Join(dir, "gapmap.db"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("import: %v: %s", err, out)
	}
}

// burst sends literal text and key names to tmux in one command, so that
// they reach the program without a pause between them.
func (term *terminal) burst(parts ...string) {
	term.t.Helper()
	args := []string{"-L", term.socket}
	for i, p := range parts {
		if i > 0 {
			args = append(args, ";")
		}
		if p == "Enter" {
			args = append(args, "send-keys", "-t", "e2e", "Enter")
		} else {
			args = append(args, "send-keys", "-t", "e2e", "-l", p)
		}
	}
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		term.t.Fatalf("send-keys: %v: %s", err, out)
	}
}

// A long note, enter, a URL, enter and an owner, typed as one burst, land
// in their own fields, on screen and in the export.
func TestBurstTypingEndToEnd(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	withExample(t, bin, dir)
	term := newTerminal(t, env(dir), 80, 24)
	term.text(bin + "; echo EXIT=$?")
	term.keys("Enter")
	term.waitFor("Acme Cloud readiness")
	term.keys("Enter")
	term.waitFor("question 1 of")
	term.keys("e")
	term.waitFor("┃ Note")
	note := "We have no written access review policy yet, reviews are ad hoc."
	url := "https://notion.so/acme/access-reviews"
	term.burst(note, "Enter", url, "Enter", "Priya", "Enter")
	term.waitFor("Owner: Priya")
	term.keys("q")
	term.waitFor("EXIT=0")

	cmd := exec.Command(bin, "export", "Acme Cloud readiness", "--format", "json")
	cmd.Env = append(os.Environ(), "GAPMAP_DB="+filepath.Join(dir, "gapmap.db"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Answers map[string]struct {
			Note     string `json:"note"`
			Evidence string `json:"evidence"`
			Owner    string `json:"owner"`
			Answer   string `json:"answer"`
		} `json:"answers"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for id, a := range doc.Answers {
		if a.Owner != "Priya" {
			continue
		}
		found = true
		if a.Note != note || a.Evidence != url {
			t.Errorf("%s: note %q, evidence %q; want %q, %q", id, a.Note, a.Evidence, note, url)
		}
		if a.Answer != "" {
			t.Errorf("%s: a note saved the answer %q", id, a.Answer)
		}
	}
	if !found {
		t.Fatalf("the note is not in the export:\n%s", out)
	}
}

// At 60x20 and 80x24 the focused field of a form is on screen, and what is
// typed shows in it.
func TestFormsFitSmallTerminals(t *testing.T) {
	bin := binary(t)
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			dir := t.TempDir()
			withExample(t, bin, dir)
			term := newTerminal(t, env(dir), size[0], size[1])
			term.text(bin + "; echo EXIT=$?")
			term.keys("Enter")
			term.waitFor("› Acme")
			term.keys("Enter")
			term.waitFor("question 1 of")
			// The note form's last field.
			term.keys("e")
			term.waitFor("┃ Note")
			term.field("Evidence reference")
			term.field("Owner")
			term.text("Priya")
			term.waitFor("> Priya")
			term.keys("Escape")
			term.waitFor("Discard what you typed?")
			term.keys("y")
			term.waitFor("Answer:")
			// The scope form's capacity field.
			term.keys("S")
			term.waitFor("┃ Assessment name")
			for _, f := range []string{"Organization", "System or service in scope", "Short description",
				"Data the system handles", "Headcount", "People available for remediation"} {
				term.field(f)
			}
			term.keys("BSpace", "BSpace", "BSpace")
			term.text("2")
			term.waitFor("> 2")
			term.keys("C-c")
			term.waitFor("Quit and lose")
			term.keys("y")
			term.waitFor("EXIT=0")
		})
	}
}

// Without a terminal on standard input gapmap says so and exits 1.
func TestNotATerminal(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	withExample(t, bin, dir)
	for _, args := range []string{"", "--accessible", `delete "Acme Cloud readiness"`} {
		// A terminal each, so that no earlier output matches; the marker
		// is split on the command line, so that only its output does.
		term := newTerminal(t, env(dir), 100, 30)
		term.text(fmt.Sprintf(`%s %s < /dev/null; echo "R""C=$?"`, bin, args))
		term.keys("Enter")
		term.waitFor("RC=")
		screen := term.screen()
		if !strings.Contains(screen, "RC=1") {
			t.Errorf("gapmap %s < /dev/null:\n%s", args, screen)
		}
		if args != "" && strings.Contains(args, "delete") && !strings.Contains(screen, "refusing to delete") {
			t.Errorf("delete without a terminal did not refuse:\n%s", screen)
		}
		if !strings.Contains(args, "delete") && !strings.Contains(screen, "needs a terminal") {
			t.Errorf("gapmap %s < /dev/null did not say why:\n%s", args, screen)
		}
	}
}
