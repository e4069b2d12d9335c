// Package xlsx writes and reads the small part of SpreadsheetML (ECMA-376,
// transitional) that gapmap's workbook export and import need: sheets of
// text, numbers and dates, cell styles, column widths, row heights, frozen
// header rows, auto-filters, drop-down lists, colour scales and
// cell-value highlights, and the document properties.
//
// It exists so that the gapmap binary does not link a general spreadsheet
// library: their package initialisers (compiled regular expressions, large
// maps) ran at the start of every command. Tests still use excelize as an
// independent reader and writer to check this package's files.
package xlsx
