"""Edits a gapmap workbook as a client would in a spreadsheet and saves it
with openpyxl, another writer: changes the first answer, writes a two-line
note, flags the second question with a boolean, and sets the target date as
a date. Usage: edit_xlsx.py IN OUT"""
import datetime
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
answers = book["Answers"]
col = {cell.value: cell.column for cell in answers[1]}
answers.cell(row=2, column=col["Answer"]).value = "partial"
answers.cell(row=2, column=col["Note"]).value = "Edited in a spreadsheet\nsecond line"
answers.cell(row=3, column=col["Answer"]).value = "unknown"
answers.cell(row=3, column=col["Flagged"]).value = True
summary = book["Summary"]
for row in summary.iter_rows():
    if row[0].value == "Target date":
        row[1].value = datetime.datetime(2028, 2, 29)
book.save(sys.argv[2])
