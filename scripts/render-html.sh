#!/usr/bin/env bash
# Renders the HTML outputs (the check report of the examples, the Bantul regency report, the evidence checklist
# and the SPBE pack reference) in headless Chromium and writes a PNG screenshot of each, to look at.
# Usage: scripts/render-html.sh [OUT_DIR]   (default: .build/screenshots). Needs Debian's `chromium` package;
# exits 0 with a message when it is missing. Builds nothing: run `swift build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/screenshots}
spbe=.build/debug/spbe
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "skipped: no chromium (apt-get install chromium)"
  exit 0
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
"$spbe" check examples/dinkes-sleman.yaml --as-of 2025-06-30 --fail-on none --format html > "$out/report.html"
"$spbe" check examples/kabupaten-bantul --as-of 2025-06-30 --fail-on none --quiet --format html > "$out/regency.html"
"$spbe" evidence examples/dinkes-sleman.yaml --as-of 2025-06-30 --format html > "$out/evidence.html"
"$spbe" pack doc rules/spbe-2020 --format html > "$out/pack.html"
for page in report regency evidence pack; do
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1600 \
    --screenshot="$out/$page.png" "file://$out/$page.html" 2>/dev/null
  [ -s "$out/$page.png" ] || { echo "no screenshot for $page" >&2; exit 1; }
  echo "$out/$page.png"
done
