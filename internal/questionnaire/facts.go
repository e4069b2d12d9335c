package questionnaire

import "sort"

// Facts are the yes/no facts about a scope that applies_if conditions test.
type Facts map[string]bool

// FactInfo describes one scope fact.
type FactInfo struct {
	Name        string
	Description string
	// Default is assumed when the scope does not say; it is the value that
	// keeps the questions a typical SaaS company must answer.
	Default bool
}

// KnownFacts is every fact applies_if may use. The scope derives them; see
// assessment.Scope.Facts.
var KnownFacts = []FactInfo{
	{"personal_data", "the system handles personal data about individuals", true},
	{"sensitive_data", "health, biometric, financial or other special-category personal data is handled", false},
	{"payment_data", "payment-card or bank-account data passes through the system", false},
	{"customer_content", "customers upload or store their own content or files", true},
	{"has_offices", "the company has physical offices where staff work", true},
	{"own_hardware", "the company runs its own servers, racks or colocation equipment", false},
	{"subservice_orgs", "the service relies on subservice organizations such as a cloud provider", true},
	{"has_sla", "the company commits to uptime or availability in contracts", false},
	{"develops_software", "the company builds and deploys its own software", true},
	{"has_contractors", "contractors or outsourced staff have access to systems or data", false},
	{ISMSFact, "the company also prepares for ISO/IEC 27001:2022 certification", false},
}

// FactKnown reports whether name is a fact applies_if may use.
func FactKnown(name string) bool {
	for _, f := range KnownFacts {
		if f.Name == name {
			return true
		}
	}
	return false
}

// DefaultFacts returns every fact at its default value.
func DefaultFacts() Facts {
	fs := make(Facts, len(KnownFacts))
	for _, f := range KnownFacts {
		fs[f.Name] = f.Default
	}
	return fs
}

// FactNames returns the known fact names, sorted.
func FactNames() []string {
	names := make([]string, len(KnownFacts))
	for i, f := range KnownFacts {
		names[i] = f.Name
	}
	sort.Strings(names)
	return names
}
