#!/usr/bin/env bash
# Checks the Indonesian-Excel CSV fixtures against a real spreadsheet program, LibreOffice, when it is installed:
#  1. spbe writes the example inventory as a workbook; LibreOffice, in the Indonesian locale, exports every sheet
#     as CSV with its semicolon filter. Each file must equal the fixture that scripts/make-excel-id-fixtures.py
#     wrote (decoded from Windows-1252), cell for cell, except dates: the workbook formats them YYYY-MM-DD, which
#     LibreOffice keeps, where Excel's default date format shows DD/MM/YYYY.
#  2. spbe reads LibreOffice's export with the same findings as the YAML twin.
# Skips cleanly (exit 0 with a message) when soffice is absent.
# Usage: scripts/check-csv-libreoffice.sh; SOFFICE and SPBE name other binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

soffice=${SOFFICE:-soffice}
if ! command -v "$soffice" > /dev/null 2>&1; then
  echo "skipped: soffice (LibreOffice) is not installed; 'apt-get install -y libreoffice-calc' to run this check"
  exit 0
fi
spbe=${SPBE:-.build/debug/spbe}
[ -x "$spbe" ] || swift build
twin=examples/dinkes-sleman.yaml
fixture=Tests/Fixtures/inventories/excel-id/semicolon-1252
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== LibreOffice $("$soffice" --version 2>/dev/null | head -1 | cut -d' ' -f2), locale id_ID: every sheet to CSV with ';'"
"$spbe" inventory convert "$twin" "$work/book.xlsx" > /dev/null
mkdir -p "$work/lo"
# Filter options: semicolon (59), double quote (34), UTF-8 (76), from line 1; the 9th token (true) saves cell
# contents as shown, in the locale; the 12th (-1) writes every sheet to NAME-SHEET.csv (LibreOffice 7.2 and later).
LC_ALL=id_ID.UTF-8 LANG=id_ID.UTF-8 "$soffice" -env:UserInstallation="file://$work/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1' --outdir "$work/lo" \
  "$work/book.xlsx" > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
python3 - "$fixture" "$work/lo" << 'PYTHON'
import csv, os, re, sys
fixture, lo = sys.argv[1:]
failures = 0
for name in sorted(f for f in os.listdir(fixture) if f.endswith(".csv")):
    with open(os.path.join(fixture, name), encoding="cp1252", newline="") as handle:
        ours = list(csv.reader(handle, delimiter=";"))
    with open(os.path.join(lo, "book-" + name), encoding="utf-8-sig", newline="") as handle:
        theirs = list(csv.reader(handle, delimiter=";"))
    iso = lambda cell: re.sub(r"^(\d{2})/(\d{2})/(\d{4})$", r"\3-\2-\1", cell)
    differences = [(r + 1, a, b) for r, (a, b) in enumerate(zip(ours, theirs)) if [iso(c) for c in a] != b]
    differences += [(0, "rows", f"{len(ours)} against {len(theirs)}")] if len(ours) != len(theirs) else []
    print(f"{name}: {len(ours)} rows, {len(differences)} differences")
    for row, a, b in differences[:5]:
        print(f"  row {row}: fixture {a!r}, LibreOffice {b!r}")
    failures += len(differences)
sys.exit(1 if failures else 0)
PYTHON

echo "== spbe reads LibreOffice's export with the findings of $twin"
mkdir -p "$work/inventory"
for file in "$work"/lo/book-*.csv; do
  name=$(basename "$file"); name=${name#book-}
  [ "$name" = opd.csv ] || cp "$file" "$work/inventory/$name"
done
cp examples/csv/dinkes-sleman/opd.yaml "$work/inventory/"
findings() {
  "$spbe" check "$1" --as-of 2025-06-30 --fail-on none --format json --quiet \
    | python3 -c 'import json, sys; print("\n".join(sorted(" ".join((r["id"], f["subject"], f["outcome"])) for r in json.load(sys.stdin)["inventories"][0]["rules"] for f in r["findings"])))'
}
findings "$twin" > "$work/twin.txt"
findings "$work/inventory" > "$work/lo.txt"
diff -u "$work/twin.txt" "$work/lo.txt"
echo "same findings: $(wc -l < "$work/twin.txt")"
echo "LibreOffice CSV check: passed"
