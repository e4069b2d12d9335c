// Package assets embeds files the binary ships: the demo assessment.
package assets

import _ "embed"

// Demo is the answers file of the demo assessment (`gapmap demo`).
//
//go:embed demo.yaml
var Demo []byte

// DemoDB is the database `gapmap demo` opens: Demo imported, made by
// TestDemoDatabaseIsTheDemo in internal/cli.
//
//go:embed demo.db
var DemoDB []byte
