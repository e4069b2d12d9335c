package tui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// scopeFacts are the yes/no facts the scope form asks about directly; the
// data-type facts come from the data types chosen.
var scopeFacts = []struct{ name, label string }{
	{"develops_software", "We build and deploy our own software"},
	{"has_offices", "Staff work from one or more offices"},
	{"own_hardware", "We run our own servers or colocation racks (not only cloud)"},
	{"has_sla", "Contracts commit us to uptime or availability (an SLA)"},
	{"has_contractors", "Contractors or outsourced staff can access systems or data"},
}

// scopeValues holds what the scope form edits. Fields write through these
// pointers, which stay valid however often the screen is copied, and which
// huh's accessible mode fills as well.
type scopeValues struct {
	name, org, system, desc *string
	headcount, capacity     *string
	dataTypes               *[]string
	// facts holds "yes", "no" or "" (not answered yet) by fact name.
	facts map[string]*string
	// The lists as text, items separated by semicolons; nil when the form
	// leaves them to the lists screen.
	components, subservices *string
	teams, cuecs            *string
}

// Values of a scope fact's select: each must be answered, none is ticked
// for the user.
const (
	factYes = "yes"
	factNo  = "no"
)

// newScopeScreen is the system description form (DC 200): who, what,
// which components, data, vendors and customer responsibilities. It edits a
// copy of a; nil starts a new assessment. taken reports whether another
// assessment has a name.
func newScopeScreen(sh *shared, a *assessment.Assessment) setupForm {
	if a == nil {
		a = assessment.New("", sh.opts.DefaultQuestionnaire, sh.now())
	}
	groups, vals := scopeGroups(*a, scopeOptions{isNew: a.ID == 0, taken: sh.nameTaken(a.ID)})
	return setupForm{
		a:     *a,
		form:  newEmbeddedForm(sh, groups...),
		apply: vals.apply,
		done:  func(a *assessment.Assessment) tea.Msg { return scopeDoneMsg{a: a} },
	}
}

// scopeOptions shape the scope form.
type scopeOptions struct {
	isNew bool
	// lists also edits the repeatable lists as text, for the accessible
	// mode's line prompts; the full-screen program edits them item by item
	// on the lists screen instead.
	lists bool
	// taken rejects a name another assessment has, at the name prompt.
	taken func(string) bool
	// inputEnded, in the accessible mode, stops the prompts that insist
	// on an answer from asking forever once the input has ended.
	inputEnded func() bool
}

// scopeGroups builds the scope form.
func scopeGroups(a assessment.Assessment, o scopeOptions) ([]*huh.Group, *scopeValues) {
	sc := a.Scope
	name, org, system, desc := ptr(a.Name), ptr(sc.Organization), ptr(sc.System), ptr(sc.Description)
	headcount, capacity := ptr(""), ptr("")
	if sc.Headcount > 0 {
		*headcount = strconv.Itoa(sc.Headcount)
	}
	if sc.Capacity > 0 {
		*capacity = strconv.FormatFloat(sc.Capacity, 'f', -1, 64)
	}
	dataTypes := ptr([]string{})
	var dataOpts []huh.Option[string]
	for _, d := range assessment.DataTypes {
		dataOpts = append(dataOpts, huh.NewOption(d.Label, string(d.Type)))
		if slices.Contains(sc.DataTypes, d.Type) {
			*dataTypes = append(*dataTypes, string(d.Type))
		}
	}
	facts := map[string]*string{}
	var factFields []huh.Field
	for _, f := range scopeFacts {
		v := ptr("")
		if declared, ok := sc.Declared[f.name]; ok {
			*v = factNo
			if declared {
				*v = factYes
			}
		}
		facts[f.name] = v
		factFields = append(factFields, huh.NewSelect[string]().Key(f.name).Title(f.label).Inline(true).
			Options(huh.NewOption("choose", ""), huh.NewOption("Yes", factYes), huh.NewOption("No", factNo)).
			Value(v).Validate(func(s string) error {
			if s == "" && (o.inputEnded == nil || !o.inputEnded()) {
				return errors.New("answer yes or no")
			}
			return nil
		}))
	}
	vals := &scopeValues{name: name, org: org, system: system, desc: desc, headcount: headcount, capacity: capacity, dataTypes: dataTypes, facts: facts}
	title := "Scope: the system an auditor will examine"
	if o.isNew {
		title = "New assessment: the system an auditor will examine"
	}
	groups := []*huh.Group{
		huh.NewGroup(
			huh.NewInput().Key("name").Title("Assessment name").Description("Required. Unique, e.g. \"Acme — Q1 2027\".").Value(name).
				Validate(func(s string) error {
					switch {
					case strings.TrimSpace(s) == "":
						return errors.New("a name is required")
					case o.taken != nil && o.taken(oneLine(s)):
						return fmt.Errorf("%q is taken by another assessment; choose another name", oneLine(s))
					}
					return nil
				}),
			huh.NewInput().Key("organization").Title("Organization").Value(org),
			huh.NewInput().Key("system").Title("System or service in scope").Description("What customers buy, e.g. \"Acme Cloud (web app and API)\".").Value(system),
			huh.NewText().Key("description").Title("Short description").Description("What the system does, where it runs, who uses it.").Lines(3).Value(desc),
		).Title(title).Description("Everything but the name is optional and can be changed later."),
		huh.NewGroup(
			huh.NewMultiSelect[string]().Key("data_types").Title("Data the system handles").Options(dataOpts...).Value(dataTypes).Height(8),
			huh.NewInput().Key("headcount").Title("Headcount").Placeholder("e.g. 25").Value(headcount).Validate(validNumber(false)),
			huh.NewInput().Key("capacity").Title("People available for remediation").Description("Full-time equivalents; sets the timeline. Default 1.").Placeholder("e.g. 1.5").Value(capacity).Validate(validCapacity(headcount)),
		).Title("Data and people"),
		huh.NewGroup(factFields...).Title("Company facts").
			Description("Each decides which questions apply; answer yes or no."),
	}
	if !o.lists {
		return groups, vals
	}
	// Huh's accessible mode reads one line per field, so the items of a
	// list are separated by semicolons.
	join := func(items []string) *string { return ptr(strings.Join(items, "; ")) }
	var comps, subs []string
	if text := assessment.FormatComponents(sc.Components); text != "" {
		comps = strings.Split(text, "\n")
	}
	if text := assessment.FormatSubservices(sc.Subservices); text != "" {
		subs = strings.Split(text, "\n")
	}
	vals.components, vals.subservices = join(comps), join(subs)
	vals.teams, vals.cuecs = join(sc.PrivilegedTeams), join(sc.CUECs)
	return append(groups,
		huh.NewGroup(
			huh.NewInput().Key("components").
				Title("In-scope components, separated by semicolons. Each: name | infrastructure, software, people, procedures or data | customer data or no customer data").
				Value(vals.components).
				Validate(func(s string) error { _, err := assessment.ParseComponents(lines(s)); return err }),
			huh.NewInput().Key("subservices").
				Title("Subservice organizations, separated by semicolons. Each: name | service | carve-out or inclusive | report or no report (whether their SOC 2 report is available)").
				Value(vals.subservices).
				Validate(func(s string) error { _, err := assessment.ParseSubservices(lines(s)); return err }),
		).Title("Components and vendors"),
		huh.NewGroup(
			huh.NewInput().Key("teams").Title("Teams with privileged access, separated by semicolons").Value(vals.teams),
			huh.NewInput().Key("cuecs").Title("Customer responsibilities (what customers must do for your controls to work), separated by semicolons").Value(vals.cuecs),
		).Title("People and customer responsibilities"),
	), vals
}

// lines turns the semicolon-separated items of an accessible prompt into
// the one-item-per-line text the list parsers read.
func lines(s string) string { return strings.ReplaceAll(s, ";", "\n") }

func ptr[T any](v T) *T { return &v }

func validNumber(fraction bool) func(string) error {
	return func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil
		}
		if fraction {
			if f, err := strconv.ParseFloat(s, 64); err != nil || f < 0 {
				return fmt.Errorf("enter a number like 1 or 1.5")
			}
			return nil
		}
		if n, err := strconv.Atoi(s); err != nil || n < 0 {
			return fmt.Errorf("enter a whole number")
		}
		return nil
	}
}

// validCapacity is validNumber for the people available for remediation,
// who cannot outnumber the headcount already entered.
func validCapacity(headcount *string) func(string) error {
	return func(s string) error {
		if err := validNumber(true)(s); err != nil || strings.TrimSpace(s) == "" {
			return err
		}
		capacity, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
		n, _ := strconv.Atoi(strings.TrimSpace(*headcount))
		return assessment.CheckCapacity(capacity, n)
	}
}

// apply writes the form's values into an assessment.
func (v *scopeValues) apply(a *assessment.Assessment) {
	a.Name = oneLine(*v.name)
	sc := &a.Scope
	sc.Organization = oneLine(*v.org)
	sc.System = oneLine(*v.system)
	sc.Description = strings.TrimSpace(*v.desc)
	sc.Headcount, _ = strconv.Atoi(strings.TrimSpace(*v.headcount))
	sc.Capacity, _ = strconv.ParseFloat(strings.TrimSpace(*v.capacity), 64)
	sc.DataTypes = nil
	for _, t := range *v.dataTypes {
		sc.DataTypes = append(sc.DataTypes, assessment.DataType(t))
	}
	for _, fact := range scopeFacts {
		switch *v.facts[fact.name] {
		case factYes:
			sc.SetFact(fact.name, true)
		case factNo:
			sc.SetFact(fact.name, false)
		}
	}
	if v.components == nil {
		return // the lists are edited on their own screen
	}
	sc.Components, _ = assessment.ParseComponents(lines(*v.components))
	sc.Subservices, _ = assessment.ParseSubservices(lines(*v.subservices))
	sc.PrivilegedTeams = assessment.ParseList(lines(*v.teams))
	sc.CUECs = assessment.ParseList(lines(*v.cuecs))
}

// scopeDoneMsg carries the edited assessment to the criteria step.
type scopeDoneMsg struct{ a *assessment.Assessment }
