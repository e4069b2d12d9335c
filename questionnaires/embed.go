// Package questionnaires embeds the built-in questionnaires.
package questionnaires

import "embed"

// FS holds every built-in questionnaire file (*.yaml).
//
//go:embed *.yaml
var FS embed.FS
