#!/usr/bin/env bash
# The HTML reports as their readers get them: printed to PDF by Chromium with the browser's default settings
# (A4, background graphics off), and checked by axe-core for accessibility.
#   - the single-OPD report (examples/dinkes-sleman.yaml) prints on at most 6 A4 pages, its index on page 1;
#   - the Bantul regency report holds the pemda summary, the heatmap with its aspect legend and the cross-OPD
#     findings in its first 4 pages;
#   - the Bantul report split into a folder (--split): its index.html holds the same in its first 4 pages, and
#     each OPD's page prints on A4;
#   - axe-core finds no serious or critical violation in any of them (the split index and first OPD page too), at
#     1100 px and at 375 px (where the heatmap must not overflow the page).
# Usage: scripts/check-html-reports.sh [OUT_DIR]   (default: .build/html-check; PDFs and PNGs of the first pages
# are left there to look at). Needs Debian's chromium and poppler-utils, and Python's axe-playwright-python
# (pip install axe-playwright-python; Playwright drives /usr/bin/chromium, its own browser is not downloaded).
# Exits 0 with a message when chromium is missing. Builds nothing: run `swift build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/html-check}
spbe=${SPBE:-.build/debug/spbe}
browser=$(command -v chromium || true)
if [ -z "$browser" ] || ! command -v pdftotext > /dev/null; then
  echo "skipped: needs chromium and poppler-utils (apt-get install chromium poppler-utils)"
  exit 0
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
"$spbe" check examples/dinkes-sleman.yaml --as-of 2025-06-30 --fail-on none --format html > "$out/opd.html"
"$spbe" check examples/kabupaten-bantul --as-of 2025-06-30 --fail-on none --quiet --format html > "$out/bantul.html"
rm -rf "$out/bantul-split"
"$spbe" check examples/kabupaten-bantul --as-of 2025-06-30 --fail-on none --quiet --format json \
  --output html="$out/bantul-split" --split > /dev/null
cp "$out/bantul-split/index.html" "$out/split-index.html"
cp "$out/bantul-split/opd-1.html" "$out/split-opd.html"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

for page in opd bantul split-index split-opd; do
  # No --print-to-pdf-no-header: the printout a user gets. Background graphics stay off (Chromium's default).
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu \
    --print-to-pdf="$out/$page.pdf" "file://$out/$page.html" 2> /dev/null
  [ -s "$out/$page.pdf" ] || { fail "no PDF for $page"; continue; }
  pages=$(pdfinfo "$out/$page.pdf" | awk '/^Pages:/ { print $2 }')
  size=$(pdfinfo "$out/$page.pdf" | awk '/^Page size:/ { print $3 "x" $5 }')
  echo "$page: $pages pages, $size pt"
  # A4 is 595 × 842 pt (210 × 297 mm).
  awk -v size="$size" 'BEGIN { split(size, d, "x"); exit !(d[1] > 594 && d[1] < 596 && d[2] > 841 && d[2] < 843) }' \
    || fail "$page is not A4 ($size pt)"
  pdftoppm -png -r 60 -f 1 -l 4 "$out/$page.pdf" "$out/$page-page"
done

if [ -s "$out/opd.pdf" ]; then
  pages=$(pdfinfo "$out/opd.pdf" | awk '/^Pages:/ { print $2 }')
  [ "$pages" -le 6 ] || fail "the single-OPD report prints on $pages pages, more than 6"
  pdftotext -f 1 -l 1 "$out/opd.pdf" - | grep -q "Estimasi indeks" || fail "page 1 of the single-OPD report has no index"
fi
for page in bantul split-index; do
  [ -s "$out/$page.pdf" ] || continue
  first=$(pdftotext -f 1 -l 4 "$out/$page.pdf" -)
  for expected in "Estimasi indeks pemda" "Peta panas OPD" "Aspek:" "Temuan lintas OPD"; do
    grep -q "$expected" <<< "$first" || fail "the first 4 pages of $page lack '$expected'"
  done
done

if python3 -c "import axe_playwright_python, playwright" 2> /dev/null; then
  python3 - "$out" "$browser" << 'PYTHON' || failures=$((failures + 1))
import sys
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

out, browser_path = sys.argv[1], sys.argv[2]
axe = Axe()
bad = 0
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
    for name in ("opd", "bantul", "split-index", "split-opd"):
        for width in (1100, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"file://{out}/{name}.html")
            results = axe.run(page)
            violations = results.response["violations"]
            serious = [v for v in violations if v["impact"] in ("serious", "critical")]
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            print(f"{name} at {width} px: axe {len(violations)} violations ({len(serious)} serious or critical), "
                  f"{results.response['passes'].__len__()} rules passed; horizontal overflow {overflow} px")
            for violation in violations:
                print(f"  {violation['impact']}: {violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)")
            if serious or overflow > 0:
                bad += 1
            page.close()
    browser.close()
sys.exit(1 if bad else 0)
PYTHON
else
  echo "skipped axe-core: pip install axe-playwright-python"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; PDFs and page images in $out" >&2
  exit 1
fi
echo "HTML reports: all checks passed; PDFs and page images in $out"
