package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
)

// required rejects an empty or blank value.
func required(what string) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("%s is required", what)
		}
		return nil
	}
}

// open starts the form that adds (index -1) or changes an item.
func (s listsScreen) open(k listKind, index int) (listsScreen, tea.Cmd) {
	sc := s.a.Scope
	var fields []huh.Field
	var apply func(*assessment.Scope)
	switch k {
	case listComponents:
		c := assessment.Component{Kind: "infrastructure"}
		if index >= 0 {
			c = sc.Components[index]
		}
		name, kind, data := ptr(c.Name), ptr(string(c.Kind)), ptr(c.CustomerData)
		fields = []huh.Field{
			huh.NewInput().Key("name").Title("Name").Placeholder("e.g. AWS production account").Value(name).Validate(required("a name")),
			huh.NewSelect[string]().Key("kind").Title("Kind").Options(
				huh.NewOption("Infrastructure — cloud accounts, networks, servers", "infrastructure"),
				huh.NewOption("Software — applications, services, databases", "software"),
				huh.NewOption("People — the teams who build, run and support it", "people"),
				huh.NewOption("Procedures — automated and manual processes", "procedures"),
				huh.NewOption("Data — data stores, files, backups", "data"),
			).Value(kind),
			huh.NewConfirm().Key("customer_data").Title("Does it store or process customer data?").Affirmative("Yes").Negative("No").Value(data),
		}
		apply = func(sc *assessment.Scope) {
			item := assessment.Component{Name: oneLine(*name), Kind: assessment.ComponentKind(*kind), CustomerData: *data}
			sc.Components = put(sc.Components, index, item)
		}
	case listSubservices:
		v := assessment.Subservice{Method: assessment.CarveOut}
		if index >= 0 {
			v = sc.Subservices[index]
		}
		name, service, method, report := ptr(v.Name), ptr(v.Service), ptr(string(v.Method)), ptr(v.HasReport)
		fields = []huh.Field{
			huh.NewInput().Key("name").Title("Name").Placeholder("e.g. Amazon Web Services").Value(name).Validate(required("a name")),
			huh.NewInput().Key("service").Title("What they do for you").Placeholder("e.g. hosting, payments, email delivery").Value(service),
			huh.NewSelect[string]().Key("method").Title("How the report treats them").Options(
				huh.NewOption("Carve-out — their controls are excluded; you monitor them (most common)", string(assessment.CarveOut)),
				huh.NewOption("Inclusive — their controls are tested in your report (rare; needs their help)", string(assessment.Inclusive)),
			).Value(method),
			huh.NewConfirm().Key("report").Title("Do you have their current SOC 2 report?").Affirmative("Yes").Negative("No").Value(report),
		}
		apply = func(sc *assessment.Scope) {
			item := assessment.Subservice{Name: oneLine(*name), Service: oneLine(*service), Method: assessment.SubserviceMethod(*method), HasReport: *report}
			sc.Subservices = put(sc.Subservices, index, item)
		}
	case listTeams:
		fields, apply = textItem(sc.PrivilegedTeams, index, func(sc *assessment.Scope) *[]string { return &sc.PrivilegedTeams },
			huh.NewInput().Key("team").Title("Team").Placeholder("e.g. Platform engineering (4 people)").Validate(required("a team")))
	case listCUECs:
		fields, apply = textItem(sc.CUECs, index, func(sc *assessment.Scope) *[]string { return &sc.CUECs },
			huh.NewInput().Key("cuec").Title("What customers must do").Placeholder("e.g. Manage their own users and enable MFA for them").Validate(required("a responsibility")))
	}
	title := "Add a " + listSections[k].noun
	if index >= 0 {
		title = "Change " + strings.ToLower(listSections[k].noun[:1]) + listSections[k].noun[1:]
	}
	form := newEmbeddedForm(s.sh, huh.NewGroup(fields...).Title(title).Description(listSections[k].about))
	s.edit = &listEdit{kind: k, index: index, form: form, apply: apply}
	return s, form.Init()
}

// textItem is the form of a list of plain text items: one input, filled
// with item index of list (-1: empty, to add one).
func textItem(list []string, index int, field func(*assessment.Scope) *[]string, input *huh.Input) ([]huh.Field, func(*assessment.Scope)) {
	text := ptr("")
	if index >= 0 {
		*text = list[index]
	}
	apply := func(sc *assessment.Scope) {
		l := field(sc)
		*l = put(*l, index, oneLine(*text))
	}
	return []huh.Field{input.Value(text)}, apply
}

// put replaces item index of list, or appends when index is -1.
func put[T any](list []T, index int, item T) []T {
	if index < 0 {
		return append(list, item)
	}
	list[index] = item
	return list
}
