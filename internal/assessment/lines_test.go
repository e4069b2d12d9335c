package assessment

import (
	"reflect"
	"strings"
	"testing"
)

func TestComponentsRoundTrip(t *testing.T) {
	text := "AWS production | infrastructure | customer data\n\n  Web app|software\nSupport team | people | no customer data\n"
	cs, err := ParseComponents(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Component{{"AWS production", "infrastructure", true}, {"Web app", "software", false}, {"Support team", "people", false}}
	if !reflect.DeepEqual(cs, want) {
		t.Fatalf("got %+v", cs)
	}
	again, err := ParseComponents(FormatComponents(cs))
	if err != nil || !reflect.DeepEqual(again, cs) {
		t.Fatalf("round trip: %+v, %v", again, err)
	}
	if _, err := ParseComponents("x | cloud"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("want a line error, got %v", err)
	}
}

func TestSubservicesRoundTrip(t *testing.T) {
	ss, err := ParseSubservices("AWS | hosting | carve-out | report\nStripe | payments\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Subservice{{"AWS", "hosting", CarveOut, true}, {"Stripe", "payments", CarveOut, false}}
	if !reflect.DeepEqual(ss, want) {
		t.Fatalf("got %+v", ss)
	}
	again, err := ParseSubservices(FormatSubservices(ss))
	if err != nil || !reflect.DeepEqual(again, ss) {
		t.Fatalf("round trip: %+v, %v", again, err)
	}
	if _, err := ParseSubservices("a | b | outsourced"); err == nil {
		t.Fatal("want an error for an unknown method")
	}
}
