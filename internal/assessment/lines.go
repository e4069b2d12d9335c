package assessment

import (
	"fmt"
	"slices"
	"strings"
)

// The scope form edits repeatable lists as text, one entry per line, with
// fields separated by "|". These functions convert both ways; a line that
// cannot be read is reported by its number.

// ParseComponents reads lines like "AWS production | infrastructure | customer data".
func ParseComponents(text string) ([]Component, error) {
	var out []Component
	for i, fields := range splitLines(text) {
		c := Component{Name: fields[0], Kind: "software"}
		if len(fields) > 1 && fields[1] != "" {
			c.Kind = ComponentKind(strings.ToLower(fields[1]))
			if !slices.Contains(ComponentKinds, c.Kind) {
				return nil, fmt.Errorf("line %d: kind %q must be infrastructure, software, people, procedures or data", i+1, fields[1])
			}
		}
		if len(fields) > 2 {
			v, err := yesNo(fields[2], "customer data")
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", i+1, err)
			}
			c.CustomerData = v
		}
		out = append(out, c)
	}
	return out, nil
}

// FormatComponents writes components in the form ParseComponents reads.
func FormatComponents(cs []Component) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		data := "no customer data"
		if c.CustomerData {
			data = "customer data"
		}
		lines[i] = fmt.Sprintf("%s | %s | %s", c.Name, c.Kind, data)
	}
	return strings.Join(lines, "\n")
}

// ParseSubservices reads lines like "AWS | hosting | carve-out | report".
func ParseSubservices(text string) ([]Subservice, error) {
	var out []Subservice
	for i, fields := range splitLines(text) {
		s := Subservice{Name: fields[0], Method: CarveOut}
		if len(fields) > 1 {
			s.Service = fields[1]
		}
		if len(fields) > 2 && fields[2] != "" {
			s.Method = SubserviceMethod(strings.ToLower(fields[2]))
			if s.Method != CarveOut && s.Method != Inclusive {
				return nil, fmt.Errorf("line %d: method %q must be carve-out or inclusive", i+1, fields[2])
			}
		}
		if len(fields) > 3 {
			v, err := yesNo(fields[3], "report")
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", i+1, err)
			}
			s.HasReport = v
		}
		out = append(out, s)
	}
	return out, nil
}

// FormatSubservices writes subservices in the form ParseSubservices reads.
func FormatSubservices(ss []Subservice) string {
	lines := make([]string, len(ss))
	for i, s := range ss {
		report := "no report"
		if s.HasReport {
			report = "report"
		}
		lines[i] = fmt.Sprintf("%s | %s | %s | %s", s.Name, s.Service, s.Method, report)
	}
	return strings.Join(lines, "\n")
}

// ParseList reads one item per line.
func ParseList(text string) []string {
	var out []string
	for _, fields := range splitLines(text) {
		out = append(out, strings.Join(fields, " | "))
	}
	return out
}

// splitLines returns the non-empty lines of text split on "|" and trimmed.
func splitLines(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		out = append(out, fields)
	}
	return out
}

// yesNo reads a flag written as its name ("customer data"), "no <name>",
// yes/no or true/false.
func yesNo(s, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "false", "n", "no " + name, "without " + name:
		return false, nil
	case "yes", "true", "y", name, "with " + name:
		return true, nil
	}
	return false, fmt.Errorf("%q: write %q or %q", s, name, "no "+name)
}
