package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// The built-in questionnaires are also compiled into Go (builtin_*_gen.go),
// so that start-up builds them without parsing YAML: parsing and validating
// the bank took most of `gapmap demo`'s start. Regenerate them after editing
// a built-in YAML file:
//
//	make generate
//
// TestCompiledBuiltins fails while a compiled form is missing or out of date,
// and checks that it equals the YAML loaded with full validation.
//
//go:generate go test -run ^TestCompiledBuiltins$ -regenerate

// compiledBuiltin is a built-in questionnaire in compiled form.
type compiledBuiltin struct {
	// sum is the SHA-256 of the YAML it was generated from: a YAML file
	// edited since is parsed instead, so a stale compiled form never shows.
	sum   string
	build func() *Questionnaire
}

// compiledBuiltins maps a built-in questionnaire's ID to its compiled form;
// the generated files register themselves.
var compiledBuiltins = map[string]compiledBuiltin{}

// loadCompiled returns the compiled form of the built-in questionnaire id,
// if there is one generated from exactly data.
func loadCompiled(id string, data []byte) (*Questionnaire, bool) {
	c, ok := compiledBuiltins[id]
	if !ok || c.sum != sum(data) {
		return nil, false
	}
	qn := c.build()
	for _, q := range qn.Questions {
		// As validateCondition leaves it: the generated bank passed
		// validation, so every condition parses and names known facts.
		if strings.TrimSpace(q.AppliesIf) != "" {
			q.cond, _ = ParseCondition(q.AppliesIf)
		}
	}
	qn.index()
	return qn, true
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
