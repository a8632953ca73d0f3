#!/usr/bin/env bash
# Install everything mlkata needs on a fresh Debian machine, idempotently:
# a Python venv with the package and its build/test extras, the npm packages (Pyodide,
# CodeMirror, esbuild), the NumPy wheel for Pyodide (sha256-checked), and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[build,test]"

npm ci --no-audit --no-fund --loglevel=error

# The NumPy wheel for Pyodide, verified against node_modules/pyodide/pyodide-lock.json, the
# runtime's memory snapshot and NumPy's byte-compiled pack (made once here, so parallel test
# workers never race to make them).
.venv/bin/python -m builder.runtime >/dev/null

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (needed by the browser tests)" >&2
  fi
fi
