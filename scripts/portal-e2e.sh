#!/usr/bin/env bash
# End-to-end test of the portal in Debian's Chromium: builds spbe-serve, starts it on a loopback port with a new
# data folder and admin, runs Tests/e2e/portal_e2e.py; then, each against a portal of its own holding the demo pemda
# (a completed previous period and the current one), the official results and follow-ups
# (Tests/e2e/portal_results_e2e.py) and the submission pack and interview preparation
# (Tests/e2e/portal_submission_e2e.py). Stops every server it started.
# Needs: apt-get install -y chromium; pip install playwright axe-playwright-python.
# Screenshots go to out/portal-e2e/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORTAL_E2E_PORT:-18080}"
out="$PWD/out/portal-e2e"
folders=()
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for folder in "${folders[@]}"; do rm -rf "$folder"; done
}
trap cleanup EXIT

swift build --product spbe-serve
bin="$(swift build --product spbe-serve --show-bin-path)/spbe-serve"
rm -rf "$out"
mkdir -p "$out"

password="admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# start_portal PORT LOG [FLAGS...]: a new data folder with the admin, the server on PORT, and a wait for its health.
start_portal() {
    local port="$1" log="$2"
    shift 2
    local data
    data="$(mktemp -d)"
    folders+=("$data")
    printf '%s\n' "$password" | "$bin" create-admin --data "$data" --username admin > /dev/null
    "$bin" --data "$data" --port "$port" "$@" > "$out/$log" 2>&1 &
    servers+=("$!")
    for _ in $(seq 1 600); do
        if curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "portal-e2e: the server on port $port did not answer; see $out/$log" >&2
    return 1
}

# One evaluation at a time, so that the test can hold the slot and see an upload wait on the queue page.
start_portal "$port" server.log --evaluations 1
PORTAL_URL="http://127.0.0.1:$port" E2E_OUT="$out" ADMIN_PASSWORD="$password" \
    WORKBOOK="$PWD/examples/xlsx/dpmptsp-sleman.xlsx" python3 Tests/e2e/portal_e2e.py

start_portal "$((port + 1))" server-results.log --demo
PORTAL_URL="http://127.0.0.1:$((port + 1))" E2E_OUT="$out" ADMIN_PASSWORD="$password" \
    PEMDI_PACK="$PWD/rules/pemdi-2026" python3 Tests/e2e/portal_results_e2e.py

start_portal "$((port + 2))" server-submission.log --demo
PORTAL_URL="http://127.0.0.1:$((port + 2))" E2E_OUT="$out" ADMIN_PASSWORD="$password" \
    python3 Tests/e2e/portal_submission_e2e.py
