#!/usr/bin/env bash
# schemathesis (PyPI) against the OpenAPI document the portal serves: a debug spbe-serve with the demo pemda, called
# with an admin's API token, every check on. The request rate limit is off (--rate-limit 0) so that the generated
# calls are answered rather than refused with 429 (which the document describes on every operation).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORTAL_SCHEMATHESIS_PORT:-18097}"
python3 -c "import schemathesis" 2> /dev/null || python3 -m pip install --quiet schemathesis
swift build --product spbe-serve
bin="$(swift build --product spbe-serve --show-bin-path)/spbe-serve"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

password="admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$password" | "$bin" create-admin --data "$data/portal" --username admin > /dev/null
"$bin" --data "$data/portal" --port "$port" --demo --rate-limit 0 > "$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done

url="http://127.0.0.1:$port"
token="$(python3 Tests/e2e/portal_token.py "$url" admin "$password")"
schemathesis run "$url/api/v1/openapi.json" --header "Authorization: Bearer $token" --checks all \
    --max-examples "${PORTAL_SCHEMATHESIS_EXAMPLES:-30}" --no-color
