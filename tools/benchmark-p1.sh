#!/usr/bin/env bash
# P1: completed case flows per second through the application against the raw engine (same tasks, variables and
# history level), on H2 and then on PostgreSQL 15 (a private cluster on a free port, removed afterwards), in one
# Maven run. Needs one build first (./test.sh, or mvn -o install -DskipTests). Prints the two "P1 on …" lines.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_DIR=$(mktemp -d /tmp/continuum-bench-pg.XXXXXX)
chmod 711 "$PG_DIR"
trap 'tools/postgresql.sh stop "$PG_DIR/data" || true; rm -rf "$PG_DIR"' EXIT
PG_PORT=$(tools/postgresql.sh free-port)
IT_PG_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
export IT_PG_PASSWORD
(umask 077 && printf '%s' "$IT_PG_PASSWORD" > "$PG_DIR/password")
tools/postgresql.sh start "$PG_DIR/data" "$PG_PORT" continuum continuum "$PG_DIR/password"
rm -rf ear/target/it-data ear/target/it-data-postgresql ear/target/failsafe-reports ear/target/failsafe-reports-postgresql
LOG=ear/target/server/standalone/log/server.log
: > "$LOG" 2>/dev/null || true
mvn -o -B -q verify -pl ear -Dspotbugs.skip=true -Dit.test=CaseFlowBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.pg.port="$PG_PORT" -Dit.pg.skip=false -Dit.pg.tests=CaseFlowBenchmark "$@"
grep -h "P1 on" ear/target/server/standalone/log/server.log* | sed 's/.*\(P1 on\)/\1/'
