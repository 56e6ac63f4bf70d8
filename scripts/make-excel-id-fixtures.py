#!/usr/bin/env python3
"""Writes a CSV inventory as Excel in the Indonesian locale saves it, for the tests that read such files.

From a CSV inventory written by `spbe inventory convert` (comma, UTF-8 with BOM, ISO dates, true/false) it
writes two copies, as Excel for Windows with the region set to Indonesia saves a workbook:

- `semicolon-1252/`: "CSV (Comma delimited)" -- cells separated by semicolons (the list separator where the
  decimal separator is a comma), Windows-1252 text without a byte order mark (a character outside it becomes
  '?'), CRLF line ends, dates DD/MM/YYYY, booleans BENAR/SALAH, numbers with a decimal comma (2,5);
- `unicode-text-utf16/`: "Unicode Text" -- UTF-16 little endian with a byte order mark, tab-separated, CRLF,
  the same displayed values.

Cells holding the delimiter, a quote or a line break are quoted, quotes doubled. `opd.yaml` is the header as a
person saves it in Notepad: Windows-1252 with CRLF in the first copy, UTF-16 LE with a byte order mark in the
second. How this shape was checked against LibreOffice's own CSV export: docs/spreadsheets.md.

Usage: python3 scripts/make-excel-id-fixtures.py examples/csv/dinkes-sleman Tests/Fixtures/inventories/excel-id
"""
import csv
import io
import os
import re
import sys

import yaml

SCHEMA = os.path.join(os.path.dirname(__file__), "..", "rules", "inventory", "schema.yaml")


def field_types():
    """Type of each field by collection name, from the bundled schema."""
    with open(SCHEMA, encoding="utf-8") as handle:
        schema = yaml.safe_load(handle)["schema"]
    types = {}
    for name, collection in schema["collections"].items():
        types[name] = {field: spec.get("type") for field, spec in collection["fields"].items()}
    return types


def displayed(text, kind):
    """A cell's text as Indonesian Excel shows (and so saves) it."""
    if text == "" or text.startswith("#"):
        return text
    if kind == "bool":
        return {"true": "BENAR", "false": "SALAH"}.get(text.lower(), text)
    if kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = text.split("-")
        return f"{day}/{month}/{year}"
    if kind == "number" and re.fullmatch(r"-?\d+\.\d+", text):
        return text.replace(".", ",")
    return text


def rows_as_excel(path, types):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    kinds = [types.get(name) for name in header]
    out = [header]
    for row in rows[1:]:
        if row and row[0].startswith("#"):
            out.append(row)
            continue
        out.append([displayed(cell, kinds[i] if i < len(kinds) else None) for i, cell in enumerate(row)])
    return out


def csv_text(rows, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def main(source, destination):
    types = field_types()
    copies = {
        "semicolon-1252": (";", lambda text: text.encode("cp1252", errors="replace")),
        "unicode-text-utf16": ("\t", lambda text: b"\xff\xfe" + text.encode("utf-16-le")),
    }
    for folder, (delimiter, encode) in copies.items():
        target = os.path.join(destination, folder)
        os.makedirs(target, exist_ok=True)
        for name in sorted(os.listdir(source)):
            path = os.path.join(source, name)
            if name.endswith(".csv"):
                text = csv_text(rows_as_excel(path, types[name[:-4]]), delimiter)
            elif name == "opd.yaml":
                with open(path, encoding="utf-8-sig") as handle:
                    text = handle.read().replace("\r\n", "\n").replace("\n", "\r\n")
            else:
                continue
            with open(os.path.join(target, name), "wb") as handle:
                handle.write(encode(text))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
