#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer (spbe check --jobs evaluates in
# parallel), each in a build folder of its own so the ordinary .build stays as it is.
#
#   scripts/sanitizers.sh            both
#   scripts/sanitizers.sh address    one of them
#   scripts/sanitizers.sh thread
#
# Exits non-zero when a build fails, a test fails or a sanitizer reports anything (the sanitizers abort the
# process on their first report, so the test that triggered it fails).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
which=("${@:-address thread}")
# shellcheck disable=SC2206
which=(${which[*]})

run() {
    local sanitizer="$1" scratch
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer '$sanitizer' (address, thread)" >&2; exit 64 ;;
    esac
    local log="$scratch/sanitizer-tests.log"
    mkdir -p "$scratch"
    echo "== swift test --sanitize=$sanitizer (scratch $scratch, log $log)" >&2
    # halt_on_error makes the first report fail the test that caused it. LeakSanitizer is off: it takes Swift
    # enum payloads whose pointers carry tag bits for leaks (see FuzzTesting/README.md).
    ASAN_OPTIONS="detect_leaks=0:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    TSAN_OPTIONS="halt_on_error=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}" \
        swift test --scratch-path "$scratch" --sanitize="$sanitizer" 2>&1 | tee "$log" | grep -E "^(✘|✔ Test run|.*Test run with)|SUMMARY|ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer" || true
    if grep -qE "ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer" "$log"; then
        echo "$sanitizer: the sanitizer reported a problem (see $log)" >&2
        return 1
    fi
    if ! grep -qE "Test run with [0-9]+ tests? .*passed" "$log"; then
        echo "$sanitizer: the tests did not all pass (see $log)" >&2
        return 1
    fi
    echo "$sanitizer: clean" >&2
}

failed=0
for sanitizer in "${which[@]}"; do run "$sanitizer" || failed=1; done
exit "$failed"
