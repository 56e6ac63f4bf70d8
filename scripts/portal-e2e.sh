#!/usr/bin/env bash
# End-to-end test of the portal in Debian's Chromium: builds spbe-serve, starts it on a loopback port with a new
# data folder and admin, runs Tests/e2e/portal_e2e.py, then starts a second one with --demo for
# Tests/e2e/portal_submission_e2e.py, and stops both.
# Needs: apt-get install -y chromium; pip install playwright axe-playwright-python.
# Screenshots go to out/portal-e2e/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORTAL_E2E_PORT:-18080}"
out="$PWD/out/portal-e2e"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

swift build --product spbe-serve
bin="$(swift build --product spbe-serve --show-bin-path)/spbe-serve"
rm -rf "$out"
mkdir -p "$out"

password="admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$password" | "$bin" create-admin --data "$data" --username admin

# One evaluation at a time, so that the test can hold the slot and see an upload wait on the queue page.
"$bin" --data "$data" --port "$port" --evaluations 1 > "$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; then break; fi
    sleep 0.1
done

PORTAL_URL="http://127.0.0.1:$port" E2E_OUT="$out" ADMIN_PASSWORD="$password" \
    WORKBOOK="$PWD/examples/xlsx/dpmptsp-sleman.xlsx" python3 Tests/e2e/portal_e2e.py

# The submission pack and interview preparation, against a second portal holding the demo pemda.
demo_port="${PORTAL_E2E_DEMO_PORT:-18082}"
demo_data="$(mktemp -d)"
printf '%s\n' "$password" | "$bin" create-admin --data "$demo_data" --username admin > /dev/null
"$bin" --data "$demo_data" --port "$demo_port" --demo > "$out/demo-server.log" 2>&1 &
demo_server=$!
trap 'kill "$server" "$demo_server" 2>/dev/null || true; rm -rf "$data" "$demo_data"' EXIT
for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$demo_port/healthz" > /dev/null 2>&1; then break; fi
    sleep 0.1
done
PORTAL_URL="http://127.0.0.1:$demo_port" E2E_OUT="$out" ADMIN_PASSWORD="$password" \
    python3 Tests/e2e/portal_submission_e2e.py
