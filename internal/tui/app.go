package tui

import (
	"fmt"
	"github.com/charmbracelet/colorprofile"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// Minimum terminal size; below it the program asks for a larger window.
const (
	minWidth  = 60
	minHeight = 20
	// maxContentWidth caps the width screens lay out for.
	maxContentWidth = 120
)

// Model is the root model: it owns the shared context, routes messages to
// the current screen and handles what is global (quit, help, resize, I/O
// results).
type Model struct {
	sh     *shared
	screen screenID
	sess   *session

	home      homeScreen
	scope     setupForm
	lists     listsScreen
	criteria  setupForm
	questions questionScreen
	results   resultsScreen
	roadmap   roadmapScreen
	export    exportScreen

	showHelp  bool
	status    string
	statusErr bool
	statusSeq int
	// draft is a new assessment between the setup forms and its first save.
	draft *assessment.Assessment
	// quitting is set when the user quit with writes still in flight; the
	// program ends when the last one is confirmed.
	quitting bool
	quitErr  string
	// confirm is the yes/no question on the status line, if any.
	confirm *confirmPrompt
	// held are keys typed after a screen handed on its result and before
	// the next screen showed; they go to the next screen, in order.
	held []tea.KeyPressMsg
	// conflict, when set, shows a write refused over another gapmap's
	// change until the user chooses which version to keep.
	conflict *conflictView
	// listAfterOpen: the assessment named in Options is being opened, and
	// the list is read once it is on screen.
	listAfterOpen bool
	// first gives what the first frame shows, read from New on.
	first tea.Cmd
	// resultsFromHome is set while the home screen's R opens an
	// assessment on its results.
	resultsFromHome bool
	// lastAnswered is set when the answer being saved completes the
	// assessment, so that its confirmation says so.
	lastAnswered bool
}

// New returns the root model.
func New(opts Options) Model {
	sh := &shared{opts: opts, keys: newKeyMap(), who: opts.Who, writer: newWriter(), answers: opts.Store}
	sh.resize(80, 24)
	sh.styles = NewStyles(true, opts.NoColor)
	m := Model{sh: sh, screen: screenHome, listAfterOpen: opts.OpenName != ""}
	m.home = newHomeScreen(sh)
	// Keys typed while the named assessment opens are for its screen.
	m.home.opening = m.listAfterOpen
	// What the first frame shows is read from now, while Bubble Tea sets
	// up the terminal before it calls Init (8 ms and more): the list, or
	// the assessment named in Options and the list after it.
	first := loadFirstPage(opts.Store)
	if m.listAfterOpen {
		first = loadAssessmentByName(sh, opts.OpenName, screenResults)
	}
	m.first = prefetch(first)
	return m
}

// prefetch starts cmd at once and returns a command that gives its
// message, however often it is run.
func prefetch(cmd tea.Cmd) tea.Cmd {
	done := make(chan tea.Msg, 1)
	prefetches.Add(1)
	go func() {
		defer prefetches.Done()
		done <- cmd()
	}()
	return sync.OnceValue(func() tea.Msg { return <-done })
}

// prefetches counts the reads prefetch has running, so that a test can let
// them finish before its database is closed and removed.
var prefetches sync.WaitGroup

// Init asks for the background colour and loads the list, or the
// assessment named in Options and then the list: the first frame waits for
// what it shows, not for the screen behind it.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.first, m.nextPoll())
}

// Update handles global messages, then routes the rest to the screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(assessmentLoadedMsg); ok && m.listAfterOpen {
		// The assessment opened at start is on screen; now the list.
		m.listAfterOpen = false
		next, cmd := m.Update(msg)
		return next, tea.Batch(cmd, loadFirstPage(m.sh.opts.Store))
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.tooSmall() {
			return m, nil // into a field the user cannot see
		}
	case tea.WindowSizeMsg:
		m.sh.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		m.sh.styles = NewStyles(msg.IsDark(), m.sh.opts.NoColor)
	case tea.ColorProfileMsg:
		m.sh.asciiOnly = msg.Profile == colorprofile.NoTTY || msg.Profile == colorprofile.ASCII
	case listLoadedMsg:
		m.sh.rememberNames(msg)
		if msg.partial {
			// The first page is on screen (on the home screen); the rest,
			// and every name, follow whatever screen is shown by then.
			next, cmd := m.routeToScreen(msg)
			return next, tea.Batch(cmd, loadList(m.sh.opts.Store))
		}
	case statusMsg:
		return m.setStatus(msg.text, msg.isErr)
	case clearStatusMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	}
	next, cmd, handled := m.handleSync(msg)
	if !handled {
		next, cmd, handled = m.handleIntent(msg)
	}
	if !handled {
		next, cmd, handled = m.handleResult(msg)
	}
	if !handled {
		next, cmd = m.routeToScreen(msg)
	}
	if next.quitting {
		// A write's result, handled here or by a screen (home: a delete).
		return next.settleQuit(cmd)
	}
	return next.releaseHeld(cmd)
}

// releaseHeld gives the keys held during a change of screen to the screen
// now shown, once it takes them.
func (m Model) releaseHeld(cmd tea.Cmd) (Model, tea.Cmd) {
	if len(m.held) == 0 || m.current().handedOn() {
		return m, cmd
	}
	held := m.held
	m.held = nil
	cmds := []tea.Cmd{cmd}
	for i, k := range held {
		next, c := m.handleKey(k)
		m = next
		cmds = append(cmds, c)
		if m.current().handedOn() {
			// Handed on again: the rest waits for the next screen.
			m.held = append(m.held, held[i+1:]...)
			break
		}
	}
	return m, tea.Batch(cmds...)
}

// settleQuit follows a write's result while the program waits to quit:
// it quits after the last one, unless one failed, which stays on screen.
func (m Model) settleQuit(cmd tea.Cmd) (Model, tea.Cmd) {
	if m.statusErr && m.quitErr == "" {
		m.quitErr = m.status
	}
	if m.sh.writer.pending() {
		return m, cmd
	}
	if m.quitErr != "" {
		m.status, m.statusErr = m.quitErr+" (q quits anyway)", true
		m.quitting, m.quitErr = false, ""
		return m, nil
	}
	if q := m.quitQuestion(); q != "" {
		// An answer that failed before the quit is still not stored.
		m.quitting = false
		return m.ask(q, Model.quit)
	}
	return m, tea.Quit
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.sh.keys
	if key.Matches(msg, k.ForceQuit) {
		if m.quitting || m.confirm != nil {
			// A second ctrl+c: leave now; Flush still finishes the writes.
			return m, tea.Quit
		}
		return m.requestQuit()
	}
	if key.Matches(msg, k.Suspend) {
		// As in any terminal program: the shell's job control brings it
		// back with fg. Answers are saved as given; a note being typed
		// stays in its field.
		return m, tea.Suspend
	}
	if m.quitting {
		return m, nil
	}
	if m.tooSmall() {
		// The screen is hidden behind the request to enlarge the terminal:
		// a key must not answer a question or confirm a deletion unseen.
		// q quits when that loses nothing.
		if key.Matches(msg, k.Quit) && m.quitLosesNothing() {
			return m.quit()
		}
		return m, nil
	}
	if m.confirm != nil {
		c := m.confirm
		m.confirm = nil
		m.status, m.statusErr = "", false
		if key.Matches(msg, k.Confirm) {
			return c.yes(m)
		}
		return m, nil
	}
	if m.showHelp {
		m.showHelp = false
		return m, nil
	}
	if m.conflict != nil {
		if key.Matches(msg, k.Help) {
			m.showHelp = true
			return m, nil
		}
		if key.Matches(msg, k.Quit) {
			return m.requestQuit()
		}
		return m.handleConflictKey(msg)
	}
	cur := m.current()
	if cur.handedOn() {
		m.held = append(m.held, msg)
		return m, nil
	}
	if !cur.capturesInput() {
		switch {
		case key.Matches(msg, k.Help):
			m.showHelp = true
			return m, nil
		case key.Matches(msg, k.Quit):
			return m.requestQuit()
		}
	}
	return m.routeToScreen(msg)
}

// confirmPrompt is a yes/no question on the status line; yes runs when
// the user presses y, any other key dismisses it.
type confirmPrompt struct {
	yes func(Model) (Model, tea.Cmd)
}

// ask puts a yes/no question on the status line.
func (m Model) ask(question string, yes func(Model) (Model, tea.Cmd)) (Model, tea.Cmd) {
	m.confirm = &confirmPrompt{yes: yes}
	m.status, m.statusErr = question+"  y yes · any other key no", true
	m.statusSeq++
	return m, nil
}

// requestQuit quits, after asking if typed input or answers that could
// not be saved would be lost.
func (m Model) requestQuit() (Model, tea.Cmd) {
	if q := m.quitQuestion(); q != "" {
		return m.ask(q, Model.quit)
	}
	return m.quit()
}

// quitQuestion asks whether to quit when that loses something, or is ""
// when it loses nothing: what the screen holds typed, and the answers on
// screen whose write failed. Answers being written are not counted: quit
// waits for them, and asks then if one failed.
func (m Model) quitQuestion() string {
	typed := m.current().unsaved()
	n := m.failedAnswers()
	answers, them := notSaved(n)
	switch {
	case n == 0 && typed == "":
		return ""
	case n == 0:
		return "Quit and lose " + typed + "?"
	case typed == "":
		return answers + ". Quit and lose " + them + "?"
	}
	return answers + ". Quit and lose " + them + " and " + typed + "?"
}

// quitLosesNothing reports whether quitting now would lose nothing typed
// and leave no question unanswered.
func (m Model) quitLosesNothing() bool {
	return m.confirm == nil && m.quitQuestion() == ""
}

// failedAnswers counts the answers on screen whose write failed; none
// while a write is in flight, which may yet store them.
func (m Model) failedAnswers() int {
	if m.sess == nil || m.sh.writing() {
		return 0
	}
	return m.sess.unsaved()
}

// notSaved says that n answers were not saved, and how to name them.
func notSaved(n int) (answers, them string) {
	if n == 1 {
		return "1 answer was not saved", "it"
	}
	return fmt.Sprintf("%d answers were not saved", n), "them"
}

// leaveQuestion asks whether to leave the open assessment for the home
// screen when that loses answers whose write failed, or is "".
func (m Model) leaveQuestion() string {
	n := m.failedAnswers()
	if n == 0 {
		return ""
	}
	answers, them := notSaved(n)
	return fmt.Sprintf("%s. Leave %s and lose %s?", answers, truncate(oneLine(m.sess.a.Name), 30), them)
}

// quit ends the program once every write has reached the database, so
// that quitting right after an answer never loses it and a failed write is
// shown rather than dropped.
func (m Model) quit() (Model, tea.Cmd) {
	if !m.sh.writer.pending() {
		return m, tea.Quit
	}
	m.quitting = true
	m.status, m.statusErr = "Saving before quitting…", false
	return m, nil
}

// Flush waits for the writes still queued when the program ended (after a
// forced quit) and returns those that failed. Call it after Run returns.
func (m Model) Flush() error { return m.sh.writer.Flush() }

func (m Model) setStatus(text string, isErr bool) (Model, tea.Cmd) {
	if isErr && m.sh.opts.Log != nil {
		m.sh.opts.Log.Error(text)
	}
	if m.confirm != nil && !isErr {
		return m, nil // a pending question keeps the status line
	}
	m.status, m.statusErr = text, isErr
	m.statusSeq++
	seq := m.statusSeq
	if isErr {
		return m, nil
	}
	return m, tea.Tick(4*time.Second, func(time.Time) tea.Msg { return clearStatusMsg{seq} })
}

func errText(err error) string {
	return oneLine(strings.TrimSpace(err.Error()))
}
