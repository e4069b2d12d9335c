package store

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gapmap/gapmap/internal/assessment"
	"github.com/gapmap/gapmap/internal/questionnaire"
)

// openTemp opens a new database in a fresh temporary folder.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gapmap.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// at is a fixed UTC time with nanoseconds, so round trips must keep them.
func at(minute int) time.Time {
	return time.Date(2026, 11, 23, 10, minute, 5, 123456789, time.UTC)
}

// sample is an assessment with every field set.
func sample(name string) *assessment.Assessment {
	return &assessment.Assessment{
		Name:            name,
		QuestionnaireID: "soc2",
		Scope: assessment.Scope{
			Organization: "Acme " + name,
			System:       "Acme Cloud",
			Description:  "Multi-tenant SaaS\nwith a second line",
			Components: []assessment.Component{
				{Name: "AWS", Kind: "infrastructure", CustomerData: true},
				{Name: "On-call runbook", Kind: "procedures"},
			},
			DataTypes:       []assessment.DataType{assessment.PersonalData, assessment.Credentials},
			PrivilegedTeams: []string{"SRE", "DBA"},
			Subservices: []assessment.Subservice{
				{Name: "AWS", Service: "hosting", Method: assessment.CarveOut, HasReport: true},
			},
			CUECs:     []string{"Customers manage their own SSO users"},
			Headcount: 42,
			Capacity:  1.5,
			Declared:  map[string]bool{"has_offices": false, "uptime_sla": true},
		},
		Categories: []questionnaire.Category{questionnaire.Security, questionnaire.Availability},
		Target: assessment.Target{Type: assessment.TypeII, WindowMonths: 6,
			TargetDate: "2027-06-30", StartDate: "2026-12-01"},
		Answers: map[string]assessment.Answer{
			"access.mfa": {Value: assessment.Yes, Note: "Okta, enforced", Evidence: "okta-policy.png",
				Owner: "Ana", AnsweredBy: "ana", UpdatedAt: at(1)},
			"hr.training": {Value: assessment.Partial, Flagged: true, AnsweredBy: "bo", UpdatedAt: at(2)},
			"vendor.review": {Value: assessment.NA, Note: "no vendors with data access",
				UpdatedAt: at(3)},
		},
		CreatedAt: at(0),
		UpdatedAt: at(3),
	}
}

var sampleSummary = assessment.Summary{Applicable: 150, Answered: 3, Progress: 0.02, Readiness: 0.6428571428571429}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func assertNoSidecars(t *testing.T, path string) {
	t.Helper()
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + ext); err == nil {
			t.Errorf("%s%s exists", filepath.Base(path), ext)
		}
	}
}

func mustCreate(t *testing.T, s *Store, a *assessment.Assessment) {
	t.Helper()
	if err := s.Create(t.Context(), a, sampleSummary); err != nil {
		t.Fatalf("Create %q: %v", a.Name, err)
	}
}

func mustLoad(t *testing.T, s *Store, id int64) *assessment.Assessment {
	t.Helper()
	a, err := s.Load(t.Context(), id)
	if err != nil {
		t.Fatalf("Load %d: %v", id, err)
	}
	return a
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
