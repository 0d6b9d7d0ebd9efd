#!/usr/bin/env bash
# Runs the integration tests of the ear module with a private PostgreSQL 15 cluster (temporary folder, free port of
# 127.0.0.1, removed afterwards): the PostgreSQL failsafe run takes the tests named by -Dit.pg.tests, the H2 run those
# named by -Dit.test. Needs one build first (./test.sh, or mvn -o install -DskipTests). Examples:
#   tools/with-postgresql.sh -Dit.test=none -Dit.pg.tests=EmergencyGrantIT -Dr3.runs=500     # R3, long form
#   tools/with-postgresql.sh -Dit.test=CaseFlowBenchmark -Dit.pg.tests=CaseFlowBenchmark     # P1 on both
set -euo pipefail
cd "$(dirname "$0")/.."
PG_DIR=$(mktemp -d /tmp/continuum-pg.XXXXXX)
chmod 711 "$PG_DIR"
trap 'tools/postgresql.sh stop "$PG_DIR/data" || true; rm -rf "$PG_DIR"' EXIT
PG_PORT=$(tools/postgresql.sh free-port)
IT_PG_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
export IT_PG_PASSWORD
(umask 077 && printf '%s' "$IT_PG_PASSWORD" > "$PG_DIR/password")
tools/postgresql.sh start "$PG_DIR/data" "$PG_PORT" continuum continuum "$PG_DIR/password"
rm -rf ear/target/it-data ear/target/it-data-postgresql ear/target/failsafe-reports ear/target/failsafe-reports-postgresql
mvn -o -B verify -pl ear -Dspotbugs.skip=true -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.pg.port="$PG_PORT" -Dit.pg.skip=false "$@"
