#!/usr/bin/env python3
"""Writes a workbook whose formulas have no stored values, as openpyxl (and other generators) write them.

openpyxl saves a formula as `<f>` without a cached `<v>`: spreadsheet programs compute it on opening, but a
reader of the file alone sees no value. spbe must report each such cell it needs, never read it as empty.

Usage: python3 scripts/make-formula-workbook.py Tests/Fixtures/inventories/workbooks/formulas-without-values.xlsx
(needs openpyxl from PyPI: pip install openpyxl)
"""
import sys

from openpyxl import Workbook


def main(path):
    book = Workbook()
    opd = book.active
    opd.title = "opd"
    opd.append(["spbe_inventory", 1])
    opd.append(["id", "X-01"])
    opd.append(["name", '=CONCATENATE("Dinas ", "Uji")'])
    applications = book.create_sheet("applications")
    applications.append(["id", "name", "type", "year_built", "notes"])
    applications.append(["APP-01", "SIMPEG", "khusus", "=2020+1", "=B2"])
    applications.append(["APP-02", "=UPPER(\"e-kinerja\")", "umum", 2019, None])
    # Workbook metadata such as the creation time would change the file on every run; pin it.
    import datetime
    fixed = datetime.datetime(2026, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.save(path)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
