"""Opens a gapmap workbook with openpyxl, a second reader, and prints what
the Go test compares: sheets, header rows, frozen panes, filters and the
ranges of conditional formats. Usage: check_xlsx.py FILE"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames, "headers": {}, "frozen": {}, "filters": {}, "conditional": {}}
for ws in book.worksheets:
    header_row = 1
    out["headers"][ws.title] = [c.value for c in ws[header_row]]
    out["frozen"][ws.title] = ws.freeze_panes
    out["filters"][ws.title] = ws.auto_filter.ref
    out["conditional"][ws.title] = sorted(
        str(rng.sqref) + ":" + rule.type
        for rng in ws.conditional_formatting
        for rule in rng.rules
    )
json.dump(out, sys.stdout, indent=1)
