#!/usr/bin/env bash
# Checks that the sources and tests are formatted as .swift-format says (line length 120, four-space indent),
# with the swift-format that ships with the toolchain. Fix what it reports with:
#   swift format format --in-place --recursive Sources Tests
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive Sources Tests
