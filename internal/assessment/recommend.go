package assessment

import (
	"slices"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Recommendation says whether an optional category is worth adding, and why.
type Recommendation struct {
	Category    questionnaire.Category
	Recommended bool
	Reason      string
}

// Recommend derives, from the scope, a recommendation for each optional
// category. Security is not listed: it is always in scope.
func Recommend(s Scope) []Recommendation {
	facts := s.Facts()
	has := func(t DataType) bool { return slices.Contains(s.DataTypes, t) }
	var out []Recommendation

	if facts["has_sla"] {
		out = append(out, Recommendation{questionnaire.Availability, true, "you commit to uptime in contracts; customers will expect the report to cover it"})
	} else {
		out = append(out, Recommendation{questionnaire.Availability, false, "add it if customers ask about uptime, backups or disaster recovery"})
	}

	switch {
	case has(CustomerContent) || has(Credentials) || has(FinancialData):
		out = append(out, Recommendation{questionnaire.Confidentiality, true, "you hold customers' confidential content or records under contract or NDA"})
	default:
		out = append(out, Recommendation{questionnaire.Confidentiality, false, "add it if contracts or NDAs oblige you to protect customers' confidential data"})
	}

	out = append(out, Recommendation{questionnaire.ProcessingIntegrity, facts["payment_data"],
		pick(facts["payment_data"],
			"payments pass through the system, so correct and complete processing is part of the promise",
			"add it only if correct, complete processing is what you sell (payments, payroll, billing, data pipelines)")})

	switch {
	case facts["sensitive_data"]:
		out = append(out, Recommendation{questionnaire.Privacy, true, "you handle health or other sensitive personal data; buyers will ask how you protect it"})
	case len(s.DataTypes) > 0 && facts["personal_data"]:
		out = append(out, Recommendation{questionnaire.Privacy, false, "you handle personal data: worth considering if you make privacy commitments to end users"})
	default:
		out = append(out, Recommendation{questionnaire.Privacy, false, "add it if you make privacy commitments about personal data to end users"})
	}
	return out
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}
