#!/usr/bin/env bash
# Fault tests of the portal as a process (Tests/e2e/portal_faults.py): kill -9 during an upload and during an
# evaluation, and a full disk (a 24 MiB tmpfs, when the test may mount one). Each must recover with nothing lost.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product spbe-serve
SPBE_SERVE="$(swift build --product spbe-serve --show-bin-path)/spbe-serve" python3 Tests/e2e/portal_faults.py
