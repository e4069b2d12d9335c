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
