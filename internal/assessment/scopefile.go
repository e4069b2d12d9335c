package assessment

import (
	"slices"

	"github.com/gapmap/gapmap/internal/questionnaire"
	"github.com/gapmap/gapmap/internal/yamlfile"
)

// readScope reads the scope section of an answers file.
func readScope(r *yamlfile.Reader, n yamlfile.Node) Scope {
	m, ok := r.Mapping(n, "scope")
	if !ok {
		return Scope{}
	}
	m.AllowOnly("organization", "system", "description", "components", "data_types",
		"privileged_teams", "subservices", "cuecs", "headcount", "capacity", "facts")
	s := Scope{
		Organization: m.String("organization", false),
		System:       m.String("system", false),
		Description:  m.String("description", false),
		Headcount:    m.Int("headcount"),
	}
	s.PrivilegedTeams, _ = m.Strings("privileged_teams")
	s.CUECs, _ = m.Strings("cuecs")
	s.Capacity = readCapacity(r, m, max(s.Headcount, 0))
	if s.Headcount < 0 {
		r.ErrorAt(m.ValuePos("headcount"), "headcount must not be negative")
	}
	types, poss := m.Strings("data_types")
	for i, t := range types {
		if !ValidDataType(DataType(t)) {
			r.ErrorAt(poss[i], "unknown data type %q (expected one of: %s)", t, dataTypeNames())
			continue
		}
		s.DataTypes = append(s.DataTypes, DataType(t))
	}
	for _, cn := range m.Seq("components") {
		if c, ok := readComponent(r, cn); ok {
			s.Components = append(s.Components, c)
		}
	}
	for _, sn := range m.Seq("subservices") {
		if sub, ok := readSubservice(r, sn); ok {
			s.Subservices = append(s.Subservices, sub)
		}
	}
	if fn := m.Node("facts"); fn != nil {
		s.Declared = readFacts(r, fn)
	}
	return s
}

// readCapacity reads the capacity, checked against the headcount read
// before it.
func readCapacity(r *yamlfile.Reader, m yamlfile.Map, headcount int) float64 {
	f, ok := m.Number("capacity")
	if !ok {
		return 0
	}
	if err := CheckCapacity(f, headcount); err != nil {
		r.ErrorAt(m.ValuePos("capacity"), "%v", err)
		return 0
	}
	return f
}

func readComponent(r *yamlfile.Reader, n yamlfile.Node) (Component, bool) {
	m, ok := r.Mapping(n, "a component")
	if !ok {
		return Component{}, false
	}
	m.AllowOnly("name", "kind", "customer_data")
	c := Component{
		Name:         m.String("name", true),
		Kind:         ComponentKind(m.String("kind", true)),
		CustomerData: m.Bool("customer_data"),
	}
	if c.Kind != "" && !slices.Contains(ComponentKinds, c.Kind) {
		r.ErrorAt(m.ValuePos("kind"), "unknown component kind %q (expected one of: infrastructure, software, people, procedures, data)", c.Kind)
		return c, false
	}
	return c, c.Name != ""
}

func readSubservice(r *yamlfile.Reader, n yamlfile.Node) (Subservice, bool) {
	m, ok := r.Mapping(n, "a subservice organization")
	if !ok {
		return Subservice{}, false
	}
	m.AllowOnly("name", "service", "method", "soc2_report")
	s := Subservice{
		Name:      m.String("name", true),
		Service:   m.String("service", false),
		Method:    SubserviceMethod(m.String("method", false)),
		HasReport: m.Bool("soc2_report"),
	}
	if s.Method != "" && s.Method != CarveOut && s.Method != Inclusive {
		r.ErrorAt(m.ValuePos("method"), "unknown subservice method %q (expected carve-out or inclusive)", s.Method)
		return s, false
	}
	return s, s.Name != ""
}

func readFacts(r *yamlfile.Reader, n yamlfile.Node) map[string]bool {
	m, ok := r.Mapping(n, "facts")
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for _, k := range m.Keys() {
		if !questionnaire.FactKnown(k) {
			r.ErrorAt(m.KeyPos(k), "unknown scope fact %q (known facts: %s)", k, joinFacts())
			continue
		}
		out[k] = m.Bool(k)
	}
	return out
}

func dataTypeNames() string {
	s := ""
	for i, d := range DataTypes {
		if i > 0 {
			s += ", "
		}
		s += string(d.Type)
	}
	return s
}

func joinFacts() string {
	s := ""
	for i, f := range questionnaire.FactNames() {
		if i > 0 {
			s += ", "
		}
		s += f
	}
	return s
}
