package questionnaire

import "testing"

func TestConditionEval(t *testing.T) {
	facts := Facts{"personal_data": true, "has_offices": false, "own_hardware": true}
	cases := map[string]bool{
		"personal_data":                                       true,
		"not personal_data":                                   false,
		"has_offices or own_hardware":                         true,
		"has_offices and own_hardware":                        false,
		"not has_offices and own_hardware":                    true,
		"not (has_offices or own_hardware)":                   false,
		"personal_data and (has_offices or not own_hardware)": false,
		"has_offices or personal_data and own_hardware":       true, // and binds tighter
	}
	for src, want := range cases {
		c, err := ParseCondition(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got := c.Eval(facts); got != want {
			t.Errorf("%q = %v, want %v", src, got, want)
		}
	}
}

func TestConditionErrors(t *testing.T) {
	cases := map[string]int{
		"":                    0,
		"and personal_data":   0,
		"personal_data and":   17,
		"(personal_data":      14,
		"personal_data)":      13,
		"personal_data & x":   14,
		"personal_data has_x": 14,
	}
	for src, off := range cases {
		_, err := ParseCondition(src)
		ce, ok := err.(*ConditionError)
		if !ok {
			t.Fatalf("%q: want a ConditionError, got %v", src, err)
		}
		if ce.Offset != off {
			t.Errorf("%q: offset %d, want %d (%s)", src, ce.Offset, off, ce.Msg)
		}
	}
}
