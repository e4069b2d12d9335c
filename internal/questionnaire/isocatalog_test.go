package questionnaire

import (
	"regexp"
	"strings"
	"testing"
)

// standardTitles are the Annex A titles of ISO/IEC 27001:2022 as listed in
// ../shared/reference/soc2-facts.md §2.4, copied as test data only: the
// catalog must never ship them.
var standardTitles = []struct{ id, title string }{
	{"A.5.1", "Policies for information security"},
	{"A.5.2", "Information security roles and responsibilities"},
	{"A.5.3", "Segregation of duties"},
	{"A.5.4", "Management responsibilities"},
	{"A.5.5", "Contact with authorities"},
	{"A.5.7", "Threat intelligence"},
	{"A.5.8", "Information security in project management"},
	{"A.5.9", "Inventory of information and other associated assets"},
	{"A.5.12", "Classification of information"},
	{"A.5.13", "Labelling of information"},
	{"A.5.14", "Information transfer"},
	{"A.5.15", "Access control"},
	{"A.5.16", "Identity management"},
	{"A.5.17", "Authentication information"},
	{"A.5.18", "Access rights"},
	{"A.5.19", "Information security in supplier relationships"},
	{"A.5.20", "Addressing information security within supplier agreements"},
	{"A.5.21", "Managing information security in the ICT supply chain"},
	{"A.5.22", "Monitoring, review and change management of supplier services"},
	{"A.5.23", "Information security for use of cloud services"},
	{"A.5.24", "Information security incident management planning and preparation"},
	{"A.5.25", "Assessment and decision on information security events"},
	{"A.5.26", "Response to information security incidents"},
	{"A.5.27", "Learning from information security incidents"},
	{"A.5.28", "Collection of evidence"},
	{"A.5.29", "Information security during disruption"},
	{"A.5.30", "ICT readiness for business continuity"},
	{"A.5.31", "Legal, statutory, regulatory and contractual requirements"},
	{"A.5.33", "Protection of records"},
	{"A.5.35", "Independent review of information security"},
	{"A.5.36", "Compliance with policies, rules and standards for information security"},
	{"A.5.37", "Documented operating procedures"},
	{"A.6.1", "Screening"},
	{"A.6.2", "Terms and conditions of employment"},
	{"A.6.3", "Information security awareness, education and training"},
	{"A.6.4", "Disciplinary process"},
	{"A.6.5", "Responsibilities after termination or change of employment"},
	{"A.6.6", "Confidentiality or non-disclosure agreements"},
	{"A.6.7", "Remote working"},
	{"A.6.8", "Information security event reporting"},
	{"A.7.1", "Physical security perimeters"},
	{"A.7.2", "Physical entry"},
	{"A.7.3", "Securing offices, rooms and facilities"},
	{"A.7.4", "Physical security monitoring"},
	{"A.7.6", "Working In secure areas"},
	{"A.7.10", "Storage media"},
	{"A.7.14", "Secure disposal or re-use of equipment"},
	{"A.8.1", "User end point devices"},
	{"A.8.2", "Privileged access rights"},
	{"A.8.3", "Information access restriction"},
	{"A.8.5", "Secure authentication"},
	{"A.8.6", "Capacity management"},
	{"A.8.7", "Protection against malware"},
	{"A.8.8", "Management of technical vulnerabilities"},
	{"A.8.9", "Configuration management"},
	{"A.8.10", "Information deletion"},
	{"A.8.12", "Data leakage prevention"},
	{"A.8.13", "Information backup"},
	{"A.8.14", "Redundancy of information processing facilities"},
	{"A.8.15", "Logging"},
	{"A.8.16", "Monitoring activities"},
	{"A.8.18", "Use of privileged utility programs"},
	{"A.8.19", "Installation of software on operational systems"},
	{"A.8.20", "Networks security"},
	{"A.8.21", "Security of network services"},
	{"A.8.22", "Segregation of networks"},
	{"A.8.24", "Use of cryptography"},
	{"A.8.25", "Secure development life cycle"},
	{"A.8.26", "Application security requirements"},
	{"A.8.27", "Secure system architecture and engineering principles"},
	{"A.8.28", "Secure coding"},
	{"A.8.29", "Security testing in development and acceptance"},
	{"A.8.30", "Outsourced development"},
	{"A.8.31", "Separation of development, test and production environments"},
	{"A.8.32", "Change management"},
	{"A.8.34", "Protection of information systems during audit testing"},
	{"A.5.34", "Privacy and protection of PII"},
	{"A.7.5", "Protecting against physical and environmental threats"},
	{"A.7.11", "Supporting utilities"},
	{"A.7.13", "Equipment maintenance"},
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// normalizeTitle lowercases a title and reduces punctuation and spacing to
// single spaces, so "Access-control." and "access control" compare equal.
func normalizeTitle(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

func TestISOControlsAreThe93OfThe2022Edition(t *testing.T) {
	controls := ISOControls()
	want := AnnexAControls()
	if len(controls) != len(want) || len(want) != 93 {
		t.Fatalf("catalog has %d controls, AnnexAControls %d; want 93 each", len(controls), len(want))
	}
	seen := map[string]int{}
	for i, c := range controls {
		seen[c.ID]++
		if c.ID != want[i] {
			t.Errorf("control %d is %s, want %s (catalog order is A.5.1 to A.8.34)", i, c.ID, want[i])
		}
		if !IsAnnexA(c.ID) {
			t.Errorf("%s: IsAnnexA says it is not an Annex A control", c.ID)
		}
		if strings.TrimSpace(c.Title) == "" {
			t.Errorf("%s has no title", c.ID)
		}
	}
	for _, id := range want {
		if seen[id] != 1 {
			t.Errorf("%s appears %d times, want exactly once", id, seen[id])
		}
	}
}

func TestISOControlThemeFollowsItsNumber(t *testing.T) {
	themeOf := map[string]ISOTheme{"A.5.": Organizational, "A.6.": People, "A.7.": Physical, "A.8.": Technological}
	counts := map[ISOTheme]int{}
	for _, c := range ISOControls() {
		counts[c.Theme]++
		if want := themeOf[c.ID[:4]]; c.Theme != want {
			t.Errorf("%s has theme %q, want %q", c.ID, c.Theme, want)
		}
	}
	for theme, want := range map[ISOTheme]int{Organizational: 37, People: 8, Physical: 14, Technological: 34} {
		if counts[theme] != want {
			t.Errorf("theme %s has %d controls, want %d", theme, counts[theme], want)
		}
		if got := len(ISOControlsOfTheme(theme)); got != want {
			t.Errorf("ISOControlsOfTheme(%s) returns %d, want %d", theme, got, want)
		}
	}
}

func TestISOClausesCover4To10AndAgreeWithIsISOClause(t *testing.T) {
	var tops []string
	for _, c := range ISOTopClauses() {
		tops = append(tops, c.ID)
	}
	if got, want := strings.Join(tops, " "), "4 5 6 7 8 9 10"; got != want {
		t.Errorf("top-level clauses %q, want %q", got, want)
	}
	seen := map[string]int{}
	for _, c := range ISOClauses() {
		seen[c.ID]++
		if strings.TrimSpace(c.Title) == "" {
			t.Errorf("clause %s has no title", c.ID)
		}
		top := !strings.Contains(c.ID, ".")
		// Questions reference sub-clauses; a top-level number is a heading
		// that groups them, so IsISOClause refuses it.
		if IsISOClause(c.ID) == top {
			t.Errorf("clause %s: IsISOClause = %v for a top-level=%v clause", c.ID, IsISOClause(c.ID), top)
		}
		if _, ok := FindISOClause(c.Top()); !ok {
			t.Errorf("clause %s: its top-level clause %s is missing", c.ID, c.Top())
		}
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("clause %s appears %d times, want once", id, n)
		}
	}
	for id := range isoClauses {
		if seen[id] != 1 {
			t.Errorf("IsISOClause accepts %s but the catalog does not list it", id)
		}
	}
}

func TestISOTitlesAreNotTheStandardsTitles(t *testing.T) {
	if len(standardTitles) != 80 {
		t.Fatalf("reference list has %d titles, want the 80 of soc2-facts.md §2.4", len(standardTitles))
	}
	var ours []string
	for _, c := range ISOControls() {
		ours = append(ours, c.ID+" "+c.Title)
	}
	for _, c := range ISOClauses() {
		ours = append(ours, c.ID+" "+c.Title)
	}
	for _, entry := range ours {
		id, title, _ := strings.Cut(entry, " ")
		got := " " + normalizeTitle(title) + " "
		for _, ref := range standardTitles {
			std := normalizeTitle(ref.title)
			if strings.TrimSpace(got) == std {
				t.Errorf("%s: title %q equals the standard's title of %s", id, title, ref.id)
			} else if strings.Contains(got, " "+std+" ") {
				t.Errorf("%s: title %q contains the standard's title of %s, %q", id, title, ref.id, ref.title)
			}
		}
	}
}

func TestNormalizeTitleIgnoresCaseAndPunctuation(t *testing.T) {
	if normalizeTitle("Working In secure areas.") != normalizeTitle("working in secure-areas") {
		t.Error("case and punctuation should not matter")
	}
	if normalizeTitle("Logging") == normalizeTitle("Log review") {
		t.Error("different titles compare equal")
	}
}

func TestFindISO(t *testing.T) {
	if c, ok := FindISOControl("A.8.5"); !ok || c.Theme != Technological || c.Title != "Strong sign-in to systems" {
		t.Errorf("FindISOControl(A.8.5) = %+v, %v", c, ok)
	}
	if _, ok := FindISOControl("A.8.35"); ok {
		t.Error("FindISOControl found A.8.35, which the 2022 edition does not have")
	}
	if c, ok := FindISOClause("6.1.2"); !ok || c.Top() != "6" {
		t.Errorf("FindISOClause(6.1.2) = %+v, %v", c, ok)
	}
	if _, ok := FindISOClause("11"); ok {
		t.Error("FindISOClause found clause 11")
	}
	if got := ISOClauseTop("10.2"); got != "10" {
		t.Errorf("ISOClauseTop(10.2) = %q, want 10", got)
	}
}
