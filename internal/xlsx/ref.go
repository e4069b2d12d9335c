package xlsx

import (
	"fmt"
	"strconv"
)

// The largest sheet a spreadsheet holds.
const (
	MaxRows = 1 << 20
	MaxCols = 1 << 14
)

// ColName is the letters of a 1-based column: 1 is A, 27 is AA.
func ColName(col int) string {
	var b [8]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// CellRef is the A1-style name of a 1-based column and row.
func CellRef(col, row int) string {
	return ColName(col) + strconv.Itoa(row)
}

// ParseRef splits an A1-style cell name into its 1-based column and row.
// Dollar signs are allowed, lower-case letters too.
func ParseRef(ref string) (col, row int, err error) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A') + 1
		if col > MaxCols {
			return 0, 0, fmt.Errorf("cell %q: column beyond %s", ref, ColName(MaxCols))
		}
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	if col == 0 || i == len(ref) {
		return 0, 0, fmt.Errorf("%q is not a cell name like B7", ref)
	}
	for ; i < len(ref); i++ {
		c := ref[i]
		if c < '0' || c > '9' {
			return 0, 0, fmt.Errorf("%q is not a cell name like B7", ref)
		}
		row = row*10 + int(c-'0')
		if row > MaxRows {
			return 0, 0, fmt.Errorf("cell %q: row beyond %d", ref, MaxRows)
		}
	}
	if row == 0 {
		return 0, 0, fmt.Errorf("%q is not a cell name like B7", ref)
	}
	return col, row, nil
}

func validCell(col, row int) bool {
	return col >= 1 && col <= MaxCols && row >= 1 && row <= MaxRows
}
