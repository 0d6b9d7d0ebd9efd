#!/usr/bin/env bash
# P1: completed case flows per second through the application against the raw engine (same tasks, variables and
# history level), on H2 and then on PostgreSQL 15, in one Maven run. Needs one build first (./test.sh, or
# mvn -o install -DskipTests). Prints the two "P1 on …" lines of the server log.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/with-postgresql.sh mvn -o -B -q verify -pl ear -Dspotbugs.skip=true -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.test=CaseFlowBenchmark -Dit.pg.tests=CaseFlowBenchmark "$@"
grep -h "P1 on" ear/target/server/standalone/log/server.log* | sort | tail -2 | sed 's/.*\(P1 on\)/\1/'
