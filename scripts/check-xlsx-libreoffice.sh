#!/usr/bin/env bash
# Checks spbe's workbooks against a real spreadsheet program, LibreOffice, when it is installed:
#  1. LibreOffice converts every sheet of the example workbook to CSV headlessly; each collection's cells must
#     equal spbe's own CSV export of the same workbook (booleans compared without case: LibreOffice writes TRUE).
#  2. LibreOffice re-saves the workbook as XLSX (its own shared strings and styles); spbe must read that back to
#     the same inventory, converted to YAML byte for byte.
# Skips cleanly (exit 0 with a message) when soffice is absent.
# Usage: scripts/check-xlsx-libreoffice.sh [WORKBOOK]; SOFFICE and SPBE name other binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

soffice=${SOFFICE:-soffice}
if ! command -v "$soffice" > /dev/null 2>&1; then
  echo "skipped: soffice (LibreOffice) is not installed; 'apt-get install -y libreoffice-calc' to run this check"
  exit 0
fi
spbe=${SPBE:-.build/debug/spbe}
[ -x "$spbe" ] || swift build
workbook=${1:-examples/xlsx/dpmptsp-sleman.xlsx}
name=$(basename "$workbook" .xlsx)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice_run() {
  # A private profile, so the check neither needs nor changes the user's LibreOffice settings.
  "$soffice" -env:UserInstallation="file://$work/profile" --headless "$@" > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
}

echo "== LibreOffice $("$soffice" --version 2>/dev/null | head -1 | cut -d' ' -f2): every sheet of $workbook to CSV"
"$spbe" inventory convert "$workbook" "$work/spbe" > /dev/null
# Filter options: comma (44), double quote (34), UTF-8 (76), from line 1; the 12th token -1 writes every sheet
# to NAME-SHEET.csv (LibreOffice 7.2 and later).
soffice_run --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir "$work/lo" "$workbook"
python3 - "$work/spbe" "$work/lo" "$name" << 'PYTHON'
import csv, os, sys
spbe, lo, name = sys.argv[1:]

def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = [row for row in csv.reader(handle)]
    table = [row[:max([i + 1 for i, cell in enumerate(row) if cell] or [0])] for row in table]
    while table and not table[-1]:
        table.pop()
    return table

def same(a, b):
    return a == b or (a.lower() in ("true", "false") and a.lower() == b.lower())

failures = 0
collections = sorted(f[:-4] for f in os.listdir(spbe) if f.endswith(".csv"))
for collection in collections:
    ours, theirs = rows(os.path.join(spbe, collection + ".csv")), rows(os.path.join(lo, f"{name}-{collection}.csv"))
    cells = sum(len(row) for row in ours)
    differences = [
        (r + 1, c + 1, a, b)
        for r in range(max(len(ours), len(theirs)))
        for c in range(max(len(ours[r]) if r < len(ours) else 0, len(theirs[r]) if r < len(theirs) else 0))
        for a, b in [((ours[r] + [""] * 999)[c] if r < len(ours) else "", (theirs[r] + [""] * 999)[c] if r < len(theirs) else "")]
        if not same(a, b)
    ]
    print(f"{collection}: {len(ours)} rows, {cells} cells, {len(differences)} differences")
    for r, c, a, b in differences[:10]:
        print(f"  row {r} column {c}: spbe {a!r}, LibreOffice {b!r}")
    failures += len(differences)
sys.exit(1 if failures else 0)
PYTHON

echo "== LibreOffice re-saves $workbook as XLSX; spbe reads it back unchanged"
mkdir -p "$work/resaved" "$work/original"
soffice_run --convert-to xlsx --outdir "$work/resaved" "$workbook"
cp "$workbook" "$work/original/"
"$spbe" inventory convert "$work/original/$name.xlsx" "$work/original.yaml" > /dev/null
"$spbe" inventory convert "$work/resaved/$name.xlsx" "$work/resaved.yaml" > /dev/null
diff -u "$work/original.yaml" "$work/resaved.yaml"
echo "same inventory: $(grep -c '^  - ' "$work/original.yaml") records"
echo "LibreOffice check: passed"
