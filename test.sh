#!/usr/bin/env bash
# The whole test suite: unit, BPMN process, ArchUnit, SpotBugs/FindSecBugs, Arquillian on a provisioned WildFly,
# and browser tests in headless Chromium; then the integration tests that touch locking, sequences, the engine and the
# outbox again on PostgreSQL. Installs Debian's chromium, chromium-driver and postgresql when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "== Installing chromium and chromium-driver (Debian packages) for the browser tests"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The second integration run on PostgreSQL 15: a private cluster in a temporary folder on a free port of 127.0.0.1,
# stopped and removed when the tests end (tools/postgresql.sh installs Debian's package when it is missing).
# CONTINUUM_TEST_POSTGRESQL=0 skips it.
PG_ARGS=()
if [ "${CONTINUUM_TEST_POSTGRESQL:-1}" = 1 ]; then
    PG_DIR=$(mktemp -d /tmp/continuum-test-pg.XXXXXX)
    chmod 711 "$PG_DIR"
    trap 'tools/postgresql.sh stop "$PG_DIR/data" || true; rm -rf "$PG_DIR"' EXIT
    PG_PORT=$(tools/postgresql.sh free-port)
    IT_PG_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    export IT_PG_PASSWORD
    (umask 077 && printf '%s' "$IT_PG_PASSWORD" > "$PG_DIR/password")
    echo "== PostgreSQL for the second integration run on 127.0.0.1:$PG_PORT ($PG_DIR)"
    CONTINUUM_PG_FSYNC=off tools/postgresql.sh start "$PG_DIR/data" "$PG_PORT" continuum continuum "$PG_DIR/password"
    PG_ARGS=(-Dit.pg.port="$PG_PORT" -Dit.pg.skip=false)
fi
mvn -B --no-transfer-progress clean verify "${PG_ARGS[@]}" "$@"
