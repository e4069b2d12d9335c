package questionnaire

import "testing"

func TestAnnexACatalogHas93UniqueControls(t *testing.T) {
	ids := AnnexAControls()
	if len(ids) != 93 {
		t.Fatalf("got %d Annex A controls, want 93", len(ids))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] || !IsAnnexA(id) {
			t.Errorf("%s duplicated or not recognized", id)
		}
		seen[id] = true
	}
	for _, want := range []string{"A.5.1", "A.5.37", "A.6.8", "A.7.14", "A.8.34"} {
		if !seen[want] {
			t.Errorf("%s missing", want)
		}
	}
}

func TestISORefs(t *testing.T) {
	for ref, want := range map[string]bool{
		"A.5.1": true, "A.8.34": true, "A.5.38": false, "A.6.9": false, "A.9.1": false, "A.5.01": false,
		"6.1.2": true, "9.2": true, "10.2": true, "4": false, "6.1.4": false, "11.1": false, "": false,
	} {
		if got := ValidISORef(ref); got != want {
			t.Errorf("ValidISORef(%q) = %v, want %v", ref, got, want)
		}
	}
}

// IsAnnexA accepts exactly the 93 controls as AnnexAControls writes them,
// and no other spelling of a number.
func TestIsAnnexARefusesOtherSpellings(t *testing.T) {
	for _, ref := range []string{"A.5.0", "A.05.1", "A.5.1 ", " A.5.1", "A.5.+1", "A.5.1.1", "A.4.1", "a.5.1", "A.5", "A.5.", "A..1", "A.8.35", "A.7.15"} {
		if IsAnnexA(ref) {
			t.Errorf("IsAnnexA(%q) = true", ref)
		}
	}
}
