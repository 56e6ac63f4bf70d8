#!/usr/bin/env bash
# Load test of the portal on loopback with wrk (Debian's `wrk`): seeds a pemda of 40 OPDs with 5 periods of
# history and 200 viewers (`spbe-serve seed-load`), starts spbe-serve, then
#   1. 40 OPDs uploading the example workbook at once through the API (each its operator's token), every upload
#      one the portal has not seen (scripts/load/upload.lua), so that its reports are new files to write,
#   2. 200 dashboard readers (each a viewer's token) on the newest period, asking back to back (the server's
#      capacity), once the uploads still in flight when wrk stopped are done, and
#   3. the same 200 readers as people read: each asks again a second after its answer,
# and prints each phase's throughput, p50/p99 latency and the server's CPU time per request (user + system, from
# /proc: steady when other work shares the cores, unlike latency). Targets: uploads <= 300 ms p99, dashboard <= 100 ms
# p99.
# PORTAL_LOAD_CONFIG=debug|release (default release), PORTAL_LOAD_SECONDS (default 20), PORTAL_LOAD_PORT,
# PORTAL_LOAD_PERIODS (default 5), PORTAL_LOAD_BUILD_ARGS (more `swift build` arguments, e.g. --scratch-path).
set -euo pipefail
cd "$(dirname "$0")/.."

config="${PORTAL_LOAD_CONFIG:-release}"
seconds="${PORTAL_LOAD_SECONDS:-20}"
port="${PORTAL_LOAD_PORT:-18090}"
periods="${PORTAL_LOAD_PERIODS:-5}"
command -v wrk > /dev/null || { apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }

swift build -c "$config" --product spbe-serve ${PORTAL_LOAD_BUILD_ARGS:-}
bin="$(swift build -c "$config" --product spbe-serve ${PORTAL_LOAD_BUILD_ARGS:-} --show-bin-path)/spbe-serve"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

started=$(date +%s)
"$bin" seed-load --data "$work/data" --opds 40 --periods "$periods" --readers 200 > "$work/seed.txt"
echo "seeded 40 OPDs x $periods periods and 200 viewers in $(($(date +%s) - started)) s"

# No per-account rate limit: each wrk connection asks as fast as answers come (about 20 a second), no person does.
"$bin" --data "$work/data" --port "$port" --queue 64 --rate-limit 0 > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done

# The server's CPU time so far (user + system), in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

summary() { # phase name, wrk output file, server CPU ticks during the phase
    local rps p50 p99 errors requests cpu
    rps=$(awk '/^Requests\/sec/ {print $2}' "$2")
    p50=$(awk '$1 == "50%" {print $2}' "$2")
    p99=$(awk '$1 == "99%" {print $2}' "$2")
    errors=$(awk '/Non-2xx or 3xx/ {print $NF}' "$2")
    requests=$(awk '/requests in/ {print $1}' "$2")
    cpu=$(awk -v ticks="$3" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.1f", n ? ticks * 1000 / hz / n : 0}')
    printf '%-16s %8s req/s   p50 %8s   p99 %8s   non-2xx %s   CPU %s ms/request\n' "$1" "$rps" "$p50" "$p99" \
        "${errors:-0}" "$cpu"
    grep 'Socket errors' "$2" || true
}

url="http://127.0.0.1:$port"
start=$(cpu_ticks)
wrk -t2 -c40 -d"${seconds}s" --timeout 30s --latency -s scripts/load/upload.lua "$url" -- "$work/seed.txt" \
    examples/xlsx/dpmptsp-sleman.xlsx > "$work/upload.txt"
upload_cpu=$(($(cpu_ticks) - start))
# wrk stops with up to 40 uploads still being evaluated: wait until the server is idle (its CPU time still for
# half a second), so their writes do not fall into the readers' phase and render the dashboard again under them.
for _ in $(seq 1 120); do
    before=$(cpu_ticks)
    sleep 0.5
    [ "$(cpu_ticks)" = "$before" ] && break
done
# The uploads changed the current submissions: one reader request recomputes the pemda before the readers come.
reader=$(awk '/^reader / {print $2; exit}' "$work/seed.txt")
period=$(awk '/^period / {print $2}' "$work/seed.txt")
curl -fsS -o /dev/null -H "Authorization: Bearer $reader" "$url/dashboard?period=$period"
start=$(cpu_ticks)
wrk -t2 -c200 -d"${seconds}s" --timeout 30s --latency -s scripts/load/dashboard.lua "$url" -- "$work/seed.txt" > "$work/dashboard.txt"
dashboard_cpu=$(($(cpu_ticks) - start))
# 200 readers as people read: each asks for the page again a second after its answer.
start=$(cpu_ticks)
wrk -t2 -c200 -d"${seconds}s" --timeout 30s --latency -s scripts/load/dashboard.lua "$url" -- "$work/seed.txt" 1000 \
    > "$work/paced.txt"
paced_cpu=$(($(cpu_ticks) - start))

echo "== spbe-serve ($config) on loopback, wrk -t2, ${seconds} s a phase, $(nproc) cores"
summary "upload x40" "$work/upload.txt" "$upload_cpu"
summary "dashboard x200" "$work/dashboard.txt" "$dashboard_cpu"
summary "dashboard 1/s" "$work/paced.txt" "$paced_cpu"
if [ -n "${PORTAL_LOAD_KEEP:-}" ]; then
    cp "$work/upload.txt" "$work/dashboard.txt" "$work/paced.txt" "$PORTAL_LOAD_KEEP/"
fi
