#!/usr/bin/env bash
# The portal's e-mail notifications against a local SMTP sink: starts aiosmtpd (PyPI) with its Maildir handler,
# starts spbe-serve with the demo pemda and --smtp-host/--smtp-port/--smtp-from pointing at it, and runs
# Tests/e2e/portal_mail.py: the assessor returns an item of one OPD, and exactly one message must arrive, to that
# OPD's operator, with no other OPD's data.
# Needs: pip install aiosmtpd.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORTAL_MAIL_PORT:-18084}"
smtp_port="${PORTAL_MAIL_SMTP_PORT:-18025}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build --product spbe-serve
bin="$(swift build --product spbe-serve --show-bin-path)/spbe-serve"

python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/maildir" > "$work/sink.log" 2>&1 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true; rm -rf "$work"' EXIT

password="admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$password" | "$bin" create-admin --data "$work/portal" --username admin > /dev/null
"$bin" --data "$work/portal" --port "$port" --demo --rate-limit 0 \
    --smtp-host 127.0.0.1 --smtp-port "$smtp_port" --smtp-from spbe-portal@pemda.example.go.id > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" "$sink" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done

python3 Tests/e2e/portal_mail.py "http://127.0.0.1:$port" "$password" "$work/maildir" || {
    cat "$work/server.log" "$work/sink.log" >&2
    exit 1
}
echo "portal mail: one message, to the right OPD's operator, and nothing of another OPD's"
