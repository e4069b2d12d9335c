package assessment

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/gapmap/gapmap/internal/questionnaire"
)

// Scope is the system description an auditor reads (DC 200), and the facts
// that decide which questions apply. Everything is optional.
type Scope struct {
	Organization    string       `json:"organization,omitempty"`
	System          string       `json:"system,omitempty"`
	Description     string       `json:"description,omitempty"`
	Components      []Component  `json:"components,omitempty"`
	DataTypes       []DataType   `json:"data_types,omitempty"`
	PrivilegedTeams []string     `json:"privileged_teams,omitempty"`
	Subservices     []Subservice `json:"subservices,omitempty"`
	CUECs           []string     `json:"cuecs,omitempty"`
	Headcount       int          `json:"headcount,omitempty"`
	// Capacity is how many people (full-time equivalents) can work on
	// remediation; 0 means unknown and is read as 1.
	Capacity float64 `json:"capacity,omitempty"`
	// Facts holds yes/no answers about the company given explicitly, by
	// fact name (see questionnaire.KnownFacts). They win over derived ones.
	Declared map[string]bool `json:"facts,omitempty"`
}

// ComponentKind is one of the five DC 200 component kinds.
type ComponentKind string

// ComponentKinds lists the kinds of system components.
var ComponentKinds = []ComponentKind{"infrastructure", "software", "people", "procedures", "data"}

// Component is one in-scope system component.
type Component struct {
	Name         string        `json:"name"`
	Kind         ComponentKind `json:"kind"`
	CustomerData bool          `json:"customer_data,omitempty"`
}

// DataType is a kind of data the system handles.
type DataType string

// The data types a scope can declare.
const (
	CustomerContent DataType = "customer_content"
	PersonalData    DataType = "personal"
	HealthData      DataType = "health"
	PaymentData     DataType = "payment"
	Credentials     DataType = "credentials"
	FinancialData   DataType = "financial"
)

// DataTypes lists the data types with their labels, in display order.
var DataTypes = []struct {
	Type  DataType
	Label string
}{
	{CustomerContent, "Customer content (files, records customers store)"},
	{PersonalData, "Personal data (names, emails, user profiles)"},
	{HealthData, "Health, biometric or other sensitive personal data"},
	{PaymentData, "Payment card or bank account data"},
	{Credentials, "Credentials or secrets of customers"},
	{FinancialData, "Financial records"},
}

// ValidDataType reports whether t is a known data type.
func ValidDataType(t DataType) bool {
	for _, d := range DataTypes {
		if d.Type == t {
			return true
		}
	}
	return false
}

// SubserviceMethod is how a subservice organization is treated in the report.
type SubserviceMethod string

const (
	CarveOut  SubserviceMethod = "carve-out"
	Inclusive SubserviceMethod = "inclusive"
)

// Subservice is a subservice organization: a vendor whose controls the
// service relies on (a cloud provider, a payment processor).
type Subservice struct {
	Name    string           `json:"name"`
	Service string           `json:"service,omitempty"`
	Method  SubserviceMethod `json:"method,omitempty"`
	// HasReport is whether the vendor's own SOC 2 report is available.
	HasReport bool `json:"soc2_report,omitempty"`
}

// MaxCapacity is the most people a remediation is planned for: more is a
// typo or a unit mistake (people, not hours), and would plan years of
// work into days.
const MaxCapacity = 10_000

// CheckCapacity says what is wrong with a remediation capacity of
// capacity people (full-time equivalents) in an organization of headcount
// people (0: not known), or returns nil. Zero is "not given": one person.
// The answers file, the workbook and the scope form all check with it.
func CheckCapacity(capacity float64, headcount int) error {
	switch {
	case math.IsNaN(capacity) || math.IsInf(capacity, 0):
		return errors.New("capacity must be a number of people, such as 1.5")
	case capacity < 0:
		return errors.New("capacity must not be negative")
	case headcount > 0 && capacity > float64(headcount):
		return fmt.Errorf("capacity is %s people but the headcount is %d: remediation cannot have more people than the organization",
			strconv.FormatFloat(capacity, 'f', -1, 64), headcount)
	case capacity > MaxCapacity:
		return fmt.Errorf("capacity is %s people, more than %d: give the full-time equivalents who will work on remediation, such as 1.5",
			strconv.FormatFloat(capacity, 'f', -1, 64), MaxCapacity)
	}
	return nil
}

// EffectiveCapacity is the remediation capacity, at least one person.
func (s Scope) EffectiveCapacity() float64 {
	if s.Capacity <= 0 {
		return 1
	}
	return s.Capacity
}

// Facts derives the scope facts applies_if conditions test: each starts at
// its default, declared data types and subservices override it, and facts
// given explicitly win over both.
func (s Scope) Facts() questionnaire.Facts {
	fs := questionnaire.DefaultFacts()
	if len(s.DataTypes) > 0 {
		has := func(ts ...DataType) bool {
			for _, t := range ts {
				if slices.Contains(s.DataTypes, t) {
					return true
				}
			}
			return false
		}
		fs["personal_data"] = has(PersonalData, HealthData, PaymentData)
		fs["sensitive_data"] = has(HealthData)
		fs["payment_data"] = has(PaymentData)
		fs["customer_content"] = has(CustomerContent)
	}
	if len(s.Subservices) > 0 {
		fs["subservice_orgs"] = true
	}
	for name, v := range s.Declared {
		if questionnaire.FactKnown(name) {
			fs[name] = v
		}
	}
	return fs
}

// SetFact records an explicit yes/no fact about the company.
func (s *Scope) SetFact(name string, v bool) {
	if s.Declared == nil {
		s.Declared = map[string]bool{}
	}
	s.Declared[name] = v
}
