#!/usr/bin/env bash
# Runs a Maven command with a private PostgreSQL 15 cluster (temporary folder, free port of 127.0.0.1, random password,
# removed afterwards): appends -Dit.pg.port=<port> -Dit.pg.skip=false, so the PostgreSQL integration run takes the
# tests named by it.pg.tests (ear/pom.xml) against it, and exports the password for that run only (IT_PG_PASSWORD).
# test.sh uses it for the test command; targeted runs after one build, for example:
#   tools/with-postgresql.sh mvn -o verify -pl ear -Dit.test=none -Dit.pg.tests=EmergencyGrantIT -Dr3.runs=500
set -euo pipefail
cd "$(dirname "$0")/.."
PG_DIR=$(mktemp -d /tmp/continuum-pg.XXXXXX)
chmod 711 "$PG_DIR"
trap 'tools/postgresql.sh stop "$PG_DIR/data" || true; rm -rf "$PG_DIR"' EXIT
PG_PORT=$(tools/postgresql.sh free-port)
IT_PG_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
export IT_PG_PASSWORD
(umask 077 && printf '%s' "$IT_PG_PASSWORD" > "$PG_DIR/password")
echo "== PostgreSQL for the integration tests on 127.0.0.1:$PG_PORT ($PG_DIR)"
CONTINUUM_PG_FSYNC=off tools/postgresql.sh start "$PG_DIR/data" "$PG_PORT" continuum continuum "$PG_DIR/password"
# Earlier runs' reports and test data would merge into this run's (a run without "clean").
rm -rf ear/target/it-data ear/target/it-data-postgresql ear/target/failsafe-reports ear/target/failsafe-reports-postgresql
"$@" -Dit.pg.port="$PG_PORT" -Dit.pg.skip=false
