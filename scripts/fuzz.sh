#!/usr/bin/env bash
# Builds the libFuzzer targets of FuzzTesting/ (release, with AddressSanitizer) and runs one or all of them for a
# given time, printing executions, time and coverage.
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: expression, pack, inventory-yaml, inventory-json, xlsx, csv, or all
#                                      (each in turn)
#   scripts/fuzz.sh build              only build
#   scripts/fuzz.sh regress            run every target once over its seeds and saved regressions, no fuzzing
#
# The corpus grows in FuzzTesting/.build/corpus/TARGET (not committed); the seeds stay in FuzzTesting/Corpus/TARGET.
# Crashes, leaks, timeouts and out-of-memory inputs are written to FuzzTesting/.build/artifacts/TARGET/. One
# fuzzer runs at a time, on one core. Extra libFuzzer flags can be passed in FUZZ_FLAGS.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/FuzzTesting"
targets=(expression pack inventory-yaml inventory-json xlsx csv)

executable() {
    case "$1" in
        expression) echo FuzzExpression ;;
        pack) echo FuzzPack ;;
        inventory-yaml) echo FuzzInventoryYAML ;;
        inventory-json) echo FuzzInventoryJSON ;;
        xlsx) echo FuzzXLSX ;;
        csv) echo FuzzCSV ;;
        *) echo "unknown fuzz target '$1' (expression, pack, inventory-yaml, inventory-json, xlsx, csv, all)" >&2; exit 64 ;;
    esac
}

dictionary() {
    case "$1" in
        expression) echo "$fuzz/expression.dict" ;;
        xlsx) echo "$fuzz/xlsx.dict" ;;
        csv) echo "$fuzz/csv.dict" ;;
        *) echo "$fuzz/yaml.dict" ;;
    esac
}

# Runs the fuzz executable $1 with the other arguments and the settings every run shares, fuzzing or not: time and
# memory limits, no leak detection. LeakSanitizer does not recognise a pointer that carries a Swift enum's case in
# its high bits, so it reports what only such pointers hold as leaked, however long it is held: at exit, the box of
# each `list` field type (`ValueType` is an indirect enum) of the fixture packs, which statics keep for the whole
# run. Memory blow-ups are still caught by -rss_limit_mb and -malloc_limit_mb.
fuzzer() {
    local name="$1"
    shift
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$bin/$name" \
        -detect_leaks=0 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 "$@"
}

# SwiftPM hands each --sanitize to swiftc as an option of its own, in the order of a Swift Set (which changes from
# one run to the next), and swiftc passes only the last -sanitize= option on to the compiler: the Swift modules had
# either coverage or AddressSanitizer, never both (with AddressSanitizer alone, 3,935 counters, all in C code), and
# every change of order rebuilt everything. So SwiftPM gets the fuzzer only (for its executables to keep libFuzzer's
# main and for the link), swiftc both sanitizers in one option, and clang AddressSanitizer besides.
build_options=(
    --package-path "$fuzz" -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address
)

build() {
    echo "building the fuzz targets (release, -sanitize=fuzzer,address)…" >&2
    swift build "${build_options[@]}" >&2
    bin="$(swift build "${build_options[@]}" --show-bin-path)"
    # Nearly all the coverage counters are in the Swift modules (over 100,000, against 4,000 in C): fewer than 20,000
    # means the fuzzers would run blind to our code.
    local counters
    counters="$(fuzzer FuzzExpression -runs=0 2>&1 \
        | sed -n 's/^INFO: Loaded 1 modules *(\([0-9]*\) inline.*/\1/p' || true)"
    if [ "${counters:-0}" -lt 20000 ]; then
        echo "only ${counters:-0} coverage counters in FuzzExpression: our Swift code is not instrumented" >&2
        exit 1
    fi
}

run() {
    local target="$1" seconds="$2" name
    name="$(executable "$target")"
    local corpus="$fuzz/.build/corpus/$target" artifacts="$fuzz/.build/artifacts/$target/" log
    mkdir -p "$corpus" "$artifacts"
    log="$fuzz/.build/fuzz-$target.log"
    echo "fuzzing $target for ${seconds}s…" >&2
    local status=0
    # shellcheck disable=SC2086
    # A workbook is a zip of several parts; the seeds stored uncompressed (so the XML can be mutated) are up to 120 KB.
    local max_len=8192
    [ "$target" = xlsx ] && max_len=131072
    fuzzer "$name" "$corpus" "$fuzz/Corpus/$target" -max_total_time="$seconds" -max_len="$max_len" \
        -dict="$(dictionary "$target")" -artifact_prefix="$artifacts" -print_final_stats=1 \
        ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    local executions time cov features corpus_size
    executions="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)"
    time="$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | awk '{print $5}' | tail -1)"
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
    features="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
    corpus_size="$(ls "$corpus" | wc -l)"
    echo "$target: ${executions:-?} executions in ${time:-$seconds} s, coverage ${cov:-?} edges, ${features:-?} features, corpus ${corpus_size} inputs, exit ${status}"
    if [ "$status" -ne 0 ]; then
        echo "  the fuzzer stopped with status $status; see $log and $artifacts" >&2
        grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || true
        return "$status"
    fi
}

# Runs each seed in a process of its own, so that every failing seed is named, not only the first.
regress() {
    local status=0 target name seed output
    for target in "${targets[@]}"; do
        name="$(executable "$target")"
        echo "regressions: $target" >&2
        for seed in "$fuzz/Corpus/$target"/*; do
            if ! output="$(fuzzer "$name" "$seed" 2>&1)"; then
                echo "$target: seed ${seed#"$root"/} fails:" >&2
                sed -n '/Fatal error\|ERROR/,$p' <<<"$output" | head -n 20 >&2
                status=1
            fi
        done
    done
    return "$status"
}

case "${1:-}" in
    build) build ;;
    regress) build; regress ;;
    all)
        [ $# -eq 2 ] || { echo "usage: $0 all SECONDS" >&2; exit 64; }
        build
        failed=0
        for target in "${targets[@]}"; do run "$target" "$2" || failed=1; done
        exit "$failed"
        ;;
    "" | -h | --help)
        echo "usage: $0 TARGET SECONDS | all SECONDS | build | regress   (TARGET: ${targets[*]})" >&2
        exit 64
        ;;
    *)
        [ $# -eq 2 ] || { echo "usage: $0 TARGET SECONDS" >&2; exit 64; }
        executable "$1" >/dev/null
        build
        run "$1" "$2"
        ;;
esac
