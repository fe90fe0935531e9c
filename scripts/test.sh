#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run it.
# Used by the README's second command and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'

# --- PostgreSQL for the store tests --------------------------------------------------------
# A throwaway server on 127.0.0.1 (free port, trust auth, data in a temp dir), stopped on exit.
# Skipped when ATTRITION_TEST_PG_URL already names a server, or ATTRITION_SKIP_PG=1.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV) \
           "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

PG_TMP=""
PG_RUN=()
stop_pg() {
  if [ -n "$PG_TMP" ] && [ -d "$PG_TMP/data" ]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}

start_pg() {
  if [ -n "${ATTRITION_TEST_PG_URL:-}" ] || [ "${ATTRITION_SKIP_PG:-0}" = 1 ]; then
    return 0
  fi
  if ! PG_BIN=$(pg_bindir); then
    echo "PostgreSQL not found: installing it from Debian (apt-get)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(pg_bindir)
  fi
  PG_TMP=$(mktemp -d /tmp/attrition-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres "$PG_TMP"
    PG_RUN=(runuser -u postgres --)
  else
    PG_RUN=(env)
  fi
  local port
  port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  trap stop_pg EXIT
  "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" -U attrition --auth=trust -E UTF8 --no-sync >/dev/null
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $PG_TMP -F -c max_connections=200" start >/dev/null
  export ATTRITION_TEST_PG_URL="postgresql://attrition@127.0.0.1:$port/postgres"
  echo "PostgreSQL for tests: $ATTRITION_TEST_PG_URL ($PG_BIN)"
}

start_pg

# --- Chromium for the browser tests ---------------------------------------------------------
# Debian's chromium, driven by Playwright through executable_path (no browser download).
# Skipped when ATTRITION_SKIP_BROWSER=1 (the browser tests then skip, except under CI=true).
if [ "${ATTRITION_SKIP_BROWSER:-0}" != 1 ] && [ ! -x "${ATTRITION_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium not found: installing it from Debian (apt-get)"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

.venv/bin/ruff check src tests bench eval
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
