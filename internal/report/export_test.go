package report

import "io"

// Workbook and WriteWorkbook let TestXLSXMatchesExcelize write the sheets
// through excelize, the reference gapmap's own writer is checked against.
type Workbook = workbook

func WriteWorkbook(w io.Writer, f Workbook, in Input) error { return writeWorkbook(w, f, in) }
