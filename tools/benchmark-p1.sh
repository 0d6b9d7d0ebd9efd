#!/usr/bin/env bash
# P1: completed case flows per second through the application against the raw engine running the application's own
# case process with the same variables (and, for comparison with earlier figures, a linear process of seven tasks),
# on H2 and then on PostgreSQL 15, in one Maven run (about 8 minutes a database). Needs one build first (./test.sh, or
# mvn -o install -DskipTests). Prints the "P1 …" lines of the server log: each side's two blocks, then the result, for
# each database.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/with-postgresql.sh mvn -o -B -q verify -pl ear -Dspotbugs.skip=true -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.test=CaseFlowBenchmark -Dit.pg.tests=CaseFlowBenchmark "$@"
grep -h "CaseFlowBenchmark.*P1 " ear/target/server/standalone/log/server.log* | sort | tail -10 \
    | sed 's/.*\(P1 \)/\1/'
