#!/bin/sh
# Runs the language server against a real LSP client (pytest-lsp, from PyPI): Tests/lsp/.
# Builds the debug `spbe` first; installs pytest-lsp for this user when it is missing.
# Exit status: pytest's, except that "no tests collected" (5) is a failure too, as every non-zero status is.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import pytest_lsp' 2>/dev/null; then
    "$PYTHON" -m pip install --quiet --user pytest-lsp 2>/dev/null || "$PYTHON" -m pip install --quiet pytest-lsp
fi
swift build --product spbe >/dev/null
status=0
"$PYTHON" -m pytest -q -p no:cacheprovider Tests/lsp "$@" || status=$?
if [ "$status" -eq 5 ]; then echo "lsp-tests: no tests were collected" >&2; fi
exit "$status"
