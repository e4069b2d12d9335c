package questionnaire

import "strings"

// The ISO/IEC 27001:2022 catalog: every Annex A control and requirement
// clause, each with gapmap's own short description. The standard's titles
// are copyrighted, so none is copied here; a test checks that no title
// equals one of the standard's.

// ISOTheme is one of the four Annex A themes of the 2022 edition.
type ISOTheme string

const (
	Organizational ISOTheme = "organizational"
	People         ISOTheme = "people"
	Physical       ISOTheme = "physical"
	Technological  ISOTheme = "technological"
)

// ISOThemes lists the themes in Annex A order (A.5 to A.8).
var ISOThemes = []ISOTheme{Organizational, People, Physical, Technological}

// Title is the theme's display name.
func (t ISOTheme) Title() string {
	switch t {
	case Organizational:
		return "Organizational"
	case People:
		return "People"
	case Physical:
		return "Physical"
	case Technological:
		return "Technological"
	}
	return string(t)
}

// ISOControl is one Annex A control.
type ISOControl struct {
	ID    string // A.5.1 ... A.8.34
	Theme ISOTheme
	Title string // gapmap's own paraphrase, never the standard's title
}

// ISOClause is a requirement clause (4 to 10) or one of its sub-clauses.
type ISOClause struct {
	ID    string // "6" or "6.1.2"
	Title string // gapmap's own paraphrase
}

// Top is the top-level clause the clause belongs to: "6" for "6.1.2".
func (c ISOClause) Top() string { return ISOClauseTop(c.ID) }

// ISOClauseTop returns the top-level clause of a clause number: "6" for
// "6.1.2", "10" for "10.2".
func ISOClauseTop(id string) string {
	top, _, _ := strings.Cut(id, ".")
	return top
}

var isoControls = []ISOControl{
	{"A.5.1", Organizational, "Written security policies, approved and shared"},
	{"A.5.2", Organizational, "Who is responsible for which security work"},
	{"A.5.3", Organizational, "Splitting conflicting duties between people"},
	{"A.5.4", Organizational, "Managers make staff follow the security rules"},
	{"A.5.5", Organizational, "Known contacts at regulators and police"},
	{"A.5.6", Organizational, "Links with security forums and peer groups"},
	{"A.5.7", Organizational, "Gathering and using news about threats"},
	{"A.5.8", Organizational, "Security built into every project"},
	{"A.5.9", Organizational, "List of information, systems and their owners"},
	{"A.5.10", Organizational, "Rules for using company information and equipment"},
	{"A.5.11", Organizational, "Getting company property back from leavers"},
	{"A.5.12", Organizational, "Sorting information by how sensitive it is"},
	{"A.5.13", Organizational, "Marking information with its sensitivity level"},
	{"A.5.14", Organizational, "Safe sending and sharing of data"},
	{"A.5.15", Organizational, "Rules on who may reach which systems and data"},
	{"A.5.16", Organizational, "One managed identity per person or service"},
	{"A.5.17", Organizational, "Handling passwords, keys and other secrets"},
	{"A.5.18", Organizational, "Granting, reviewing and removing permissions"},
	{"A.5.19", Organizational, "Security expectations for suppliers"},
	{"A.5.20", Organizational, "Security terms written into supplier contracts"},
	{"A.5.21", Organizational, "Security across the technology supply chain"},
	{"A.5.22", Organizational, "Watching supplier performance and changes"},
	{"A.5.23", Organizational, "Secure buying, use and exit of cloud services"},
	{"A.5.24", Organizational, "Being ready to handle incidents"},
	{"A.5.25", Organizational, "Deciding whether an event is an incident"},
	{"A.5.26", Organizational, "Handling an incident once declared"},
	{"A.5.27", Organizational, "Lessons drawn from past incidents"},
	{"A.5.28", Organizational, "Preserving evidence for investigations"},
	{"A.5.29", Organizational, "Keeping security in place during a crisis"},
	{"A.5.30", Organizational, "IT systems able to recover after disruption"},
	{"A.5.31", Organizational, "Knowing the laws and contract terms that apply"},
	{"A.5.32", Organizational, "Respecting licences, copyright and patents"},
	{"A.5.33", Organizational, "Keeping records safe from loss and tampering"},
	{"A.5.34", Organizational, "Protecting personal data as the law requires"},
	{"A.5.35", Organizational, "Independent check of the security program"},
	{"A.5.36", Organizational, "Checking that people follow the security rules"},
	{"A.5.37", Organizational, "Written runbooks for routine operations"},

	{"A.6.1", People, "Background checks before hiring"},
	{"A.6.2", People, "Security duties in employment contracts"},
	{"A.6.3", People, "Security training for everyone"},
	{"A.6.4", People, "Consequences for breaking security rules"},
	{"A.6.5", People, "Duties that continue after leaving or changing role"},
	{"A.6.6", People, "NDAs signed by staff and partners"},
	{"A.6.7", People, "Working safely from home and elsewhere"},
	{"A.6.8", People, "Staff can report security concerns quickly"},

	{"A.7.1", Physical, "Defined secure boundaries around sites"},
	{"A.7.2", Physical, "Controlled way into secure areas"},
	{"A.7.3", Physical, "Protecting offices and rooms"},
	{"A.7.4", Physical, "Watching premises for intruders"},
	{"A.7.5", Physical, "Protection from fire, flood and other hazards"},
	{"A.7.6", Physical, "Rules for work inside protected areas"},
	{"A.7.7", Physical, "Nothing sensitive left on desks or unlocked screens"},
	{"A.7.8", Physical, "Placing and shielding equipment safely"},
	{"A.7.9", Physical, "Protecting devices used away from the office"},
	{"A.7.10", Physical, "Handling USB drives and other removable storage"},
	{"A.7.11", Physical, "Power, cooling and other services equipment needs"},
	{"A.7.12", Physical, "Protecting power and network cables"},
	{"A.7.13", Physical, "Keeping hardware serviced and repaired"},
	{"A.7.14", Physical, "Wiping or destroying equipment before reuse or disposal"},

	{"A.8.1", Technological, "Securing laptops and phones"},
	{"A.8.2", Technological, "Limiting and watching admin rights"},
	{"A.8.3", Technological, "Restricting access to data by need"},
	{"A.8.4", Technological, "Who may read and change source code"},
	{"A.8.5", Technological, "Strong sign-in to systems"},
	{"A.8.6", Technological, "Planning for enough computing capacity"},
	{"A.8.7", Technological, "Defences against malicious software"},
	{"A.8.8", Technological, "Finding and fixing software weaknesses"},
	{"A.8.9", Technological, "Hardened settings defined and tracked"},
	{"A.8.10", Technological, "Deleting data once it is no longer needed"},
	{"A.8.11", Technological, "Hiding sensitive values where full ones are not needed"},
	{"A.8.12", Technological, "Stopping sensitive data from leaking out"},
	{"A.8.13", Technological, "Backups of data and systems"},
	{"A.8.14", Technological, "Duplicate systems so one failure does not stop service"},
	{"A.8.15", Technological, "Recording activity in event logs"},
	{"A.8.16", Technological, "Watching systems for unusual behaviour"},
	{"A.8.17", Technological, "One trusted time source for all systems"},
	{"A.8.18", Technological, "Restricting powerful admin tools"},
	{"A.8.19", Technological, "Controlling software installed on live systems"},
	{"A.8.20", Technological, "Protecting networks and connected devices"},
	{"A.8.21", Technological, "Safeguards for connectivity and network providers"},
	{"A.8.22", Technological, "Separating networks by trust level"},
	{"A.8.23", Technological, "Blocking harmful websites"},
	{"A.8.24", Technological, "Encryption and key handling"},
	{"A.8.25", Technological, "Security through the whole development process"},
	{"A.8.26", Technological, "Security needs set before building or buying"},
	{"A.8.27", Technological, "Designing systems to be secure"},
	{"A.8.28", Technological, "Writing code safely"},
	{"A.8.29", Technological, "Security tests before release"},
	{"A.8.30", Technological, "Overseeing development done by outsiders"},
	{"A.8.31", Technological, "Keeping development, testing and production apart"},
	{"A.8.32", Technological, "Controlling changes to systems"},
	{"A.8.33", Technological, "Protecting data used for testing"},
	{"A.8.34", Technological, "Limiting the impact of audits on live systems"},
}

var isoClauseList = []ISOClause{
	{"4", "The organization and its setting"},
	{"4.1", "Internal and external issues"},
	{"4.2", "Parties with a stake and what they require"},
	{"4.3", "Boundaries of the management system"},
	{"4.4", "Running the management system as a whole"},
	{"5", "Top management's role"},
	{"5.1", "Commitment shown by top management"},
	{"5.2", "The top-level security policy"},
	{"5.3", "Roles and authority in the ISMS"},
	{"6", "Planning the ISMS"},
	{"6.1", "Dealing with risks and opportunities"},
	{"6.1.1", "Planning around risks and opportunities"},
	{"6.1.2", "How risks are assessed"},
	{"6.1.3", "How risks are treated, and the applicability statement"},
	{"6.2", "Security goals and how to reach them"},
	{"6.3", "Changing the ISMS in a planned way"},
	{"7", "What the ISMS needs to run"},
	{"7.1", "People, time and money for the ISMS"},
	{"7.2", "Skills needed for security roles"},
	{"7.3", "Staff understand their part"},
	{"7.4", "Who tells what to whom, and when"},
	{"7.5", "Controlled documents and records"},
	{"7.5.1", "Which documents and records are needed"},
	{"7.5.2", "Writing and approving documents"},
	{"7.5.3", "Keeping documents current, available and protected"},
	{"8", "Running the ISMS day to day"},
	{"8.1", "Planning and controlling the work"},
	{"8.2", "Assessing risks at set times and on change"},
	{"8.3", "Carrying out the treatment plan"},
	{"9", "Checking how the ISMS performs"},
	{"9.1", "Measuring and evaluating security"},
	{"9.2", "Planned audits by the company itself"},
	{"9.2.1", "What the company's own audits must check"},
	{"9.2.2", "Planning the cycle of own audits"},
	{"9.3", "Leadership's periodic look at the ISMS"},
	{"9.3.1", "When the leadership look happens"},
	{"9.3.2", "What the leadership look must consider"},
	{"9.3.3", "Decisions the leadership look must record"},
	{"10", "Getting better over time"},
	{"10.1", "Ongoing improvement of the ISMS"},
	{"10.2", "Fixing failures and their causes"},
}

// ISOControls returns the 93 Annex A controls in order, A.5.1 to A.8.34.
func ISOControls() []ISOControl {
	return append([]ISOControl(nil), isoControls...)
}

// ISOClauses returns the clauses 4 to 10 with their sub-clauses, in order.
func ISOClauses() []ISOClause {
	return append([]ISOClause(nil), isoClauseList...)
}

// ISOTopClauses returns the top-level clauses 4 to 10, in order.
func ISOTopClauses() []ISOClause {
	var tops []ISOClause
	for _, c := range isoClauseList {
		if !strings.Contains(c.ID, ".") {
			tops = append(tops, c)
		}
	}
	return tops
}

// FindISOControl returns the Annex A control with the given ID.
func FindISOControl(id string) (ISOControl, bool) {
	for _, c := range isoControls {
		if c.ID == id {
			return c, true
		}
	}
	return ISOControl{}, false
}

// FindISOClause returns the clause with the given number, top-level or not.
func FindISOClause(id string) (ISOClause, bool) {
	for _, c := range isoClauseList {
		if c.ID == id {
			return c, true
		}
	}
	return ISOClause{}, false
}

// ISOControlsOfTheme returns the Annex A controls of one theme, in order.
func ISOControlsOfTheme(t ISOTheme) []ISOControl {
	var cs []ISOControl
	for _, c := range isoControls {
		if c.Theme == t {
			cs = append(cs, c)
		}
	}
	return cs
}
