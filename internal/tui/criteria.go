package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// criteriaValues holds what the criteria form edits (see scopeValues).
type criteriaValues struct {
	categories                                *[]string
	reportType, window, targetDate, startDate *string
	// iso is the opt-in to the ISO/IEC 27001:2022 target (the iso27001
	// scope fact); declared records whether the scope already said.
	iso      *bool
	declared bool
}

// newCriteriaScreen chooses the optional Trust Services Categories, each
// with a recommendation from the scope, and the report target.
func newCriteriaScreen(sh *shared, a *assessment.Assessment) setupForm {
	groups, vals := criteriaGroups(*a, sh.contentW-8)
	return setupForm{
		a:     *a,
		form:  newEmbeddedForm(sh, groups...),
		apply: vals.apply,
		done:  func(a *assessment.Assessment) tea.Msg { return criteriaDoneMsg{a: a} },
		back:  func(a *assessment.Assessment) tea.Msg { return criteriaBackMsg{a: a} },
	}
}

// criteriaWindowGroup is the index of the group that asks the Type II
// observation window, asked only for Type II.
const criteriaWindowGroup = 2

// criteriaGroups builds the criteria and report target form. The reasons
// are wrapped at wrapAt cells (0: not at all), a little inside the form's
// own wrapping, which otherwise wraps the same lines twice.
func criteriaGroups(a assessment.Assessment, wrapAt int) ([]*huh.Group, *criteriaValues) {
	var opts []huh.Option[string]
	var reasons []string
	chosen := ptr([]string{})
	for _, r := range assessment.Recommend(a.Scope) {
		label := r.Category.Title()
		if r.Recommended {
			label += " (recommended)"
		}
		// The reasons go in a note, which wraps; long option labels do not.
		reasons = append(reasons, wrap("• "+label+": "+r.Reason+".", wrapAt))
		opts = append(opts, huh.NewOption(label, string(r.Category)))
		if a.Selected(r.Category) {
			*chosen = append(*chosen, string(r.Category))
		}
	}
	reportType := ptr(string(a.Target.Type))
	if *reportType == "" {
		*reportType = string(assessment.TypeI)
	}
	window := ptr(strconv.Itoa(max(a.Target.WindowMonths, 3)))
	if a.Target.WindowMonths == 0 {
		*window = "6"
	}
	targetDate, startDate := ptr(a.Target.TargetDate), ptr(a.Target.StartDate)
	_, declared := a.Scope.Declared[questionnaire.ISMSFact]
	vals := &criteriaValues{chosen, reportType, window, targetDate, startDate, ptr(a.ISOTarget()), declared}
	typeField := huh.NewSelect[string]().Key("type").Title("Which report are you aiming for?").Options(
		huh.NewOption("Type I — controls designed and in place on one date (faster; a common first step)", string(assessment.TypeI)),
		huh.NewOption("Type II — controls operating over a period of 3–12 months (what most buyers ask for)", string(assessment.TypeII)),
	).Value(reportType)
	windowTitle, categoriesTitle := "Type II observation window", "Add other Trust Services Categories?"
	return []*huh.Group{
		huh.NewGroup(
			huh.NewNote().Title("Security (CC1–CC9) is always included").
				Description("Each other category adds questions and audit work; add only what customers or contracts need.\n\n"+
					strings.Join(reasons, "\n")),
			huh.NewMultiSelect[string]().Key("categories").Title(categoriesTitle).
				Options(opts...).Value(chosen).Height(5),
		).Title("Criteria in scope"),
		huh.NewGroup(typeField).Title("Report target"),
		// Asked only for Type II.
		huh.NewGroup(
			huh.NewSelect[string]().Key("window").Title(windowTitle).
				Description("First reports often use 3–6 months; enterprise buyers expect 12 over time.").
				Options(huh.NewOption("3 months", "3"), huh.NewOption("6 months", "6"), huh.NewOption("12 months", "12")).Value(window),
		).Title("Report target").WithHideFunc(func() bool { return *reportType != string(assessment.TypeII) }),
		huh.NewGroup(
			huh.NewInput().Key("target_date").Title("Target date for the report (optional)").Placeholder("YYYY-MM-DD").Value(targetDate).Validate(validDate),
			huh.NewInput().Key("start_date").Title("Remediation starts on (optional)").Description("With a start date the roadmap gives dates, not just weeks.").Placeholder("YYYY-MM-DD").Value(startDate).Validate(validStart(targetDate)),
		).Title("Dates"),
		// Last, so that the SOC 2 steps keep their order; an opt-in, off
		// unless the scope says otherwise.
		huh.NewGroup(
			huh.NewConfirm().Key(questionnaire.ISMSFact).Title(isoOptInTitle).
				Description(isoOptInAbout).Affirmative("Yes").Negative("No").Value(vals.iso),
		).Title("Another framework (optional)"),
	}, vals
}

const (
	isoOptInTitle = "Also prepare for ISO/IEC 27001:2022?"
	isoOptInAbout = "Adds about 20 management-system questions (clauses 4–10) and an ISO tab on the results; they never change any SOC 2 figure."
)

func validDate(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	_, err := assessment.ParseDate(s)
	return err
}

// validStart is validDate for the start date, which must not come after
// the target date already entered.
func validStart(target *string) func(string) error {
	return func(s string) error {
		if err := validDate(s); err != nil {
			return err
		}
		return assessment.Target{TargetDate: strings.TrimSpace(*target), StartDate: strings.TrimSpace(s)}.CheckOrder()
	}
}

// apply writes the chosen categories and target into an assessment.
func (v *criteriaValues) apply(a *assessment.Assessment) {
	var cats []questionnaire.Category
	for _, c := range *v.categories {
		cats = append(cats, questionnaire.Category(c))
	}
	a.SetCategories(cats)
	a.Target = assessment.Target{
		Type:       assessment.ReportType(*v.reportType),
		TargetDate: strings.TrimSpace(*v.targetDate),
		StartDate:  strings.TrimSpace(*v.startDate),
	}
	if a.Target.Type == assessment.TypeII {
		a.Target.WindowMonths, _ = strconv.Atoi(*v.window)
	}
	// Off and never chosen stays undeclared, as before the opt-in existed.
	if *v.iso || v.declared {
		a.Scope.SetFact(questionnaire.ISMSFact, *v.iso)
	}
}

// criteriaDoneMsg carries the finished setup to the root, which saves it.
type criteriaDoneMsg struct{ a *assessment.Assessment }

// criteriaBackMsg returns to the lists step with what was chosen so far.
type criteriaBackMsg struct{ a *assessment.Assessment }
