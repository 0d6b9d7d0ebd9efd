#!/usr/bin/env bash
# R7: the database stops for a while under load, and everything must come back without restarting WildFly.
# The logged-in users of tools/bench/StaffLoad.java work through the cluster's balancer (tools/cluster.sh; started
# when it does not run) for SECONDS; 30 s in, PostgreSQL is stopped (a fast shutdown: open connections are cut) for
# OUTAGE seconds, then started again. Prints, second by second where anything failed, what the users saw, whether
# any failed page showed more than the error page (a stack trace), and whether both nodes are
# the same processes at the end (no restart) and answer again.
# Usage: tools/cluster-outage.sh [outage seconds] [users] [seconds]   (default 60 s, 12 users, 180 s)
set -euo pipefail
cd "$(dirname "$0")/.."
OUTAGE=${1:-60}
USERS=${2:-12}
SECONDS_RUN=${3:-180}
source tools/cluster-check-setup.sh
PIDS_BEFORE="$(cat "$DIR/node1.pid") $(cat "$DIR/node2.pid")"
LOG=$DIR/outage-$(date -u +%Y%m%dT%H%M).txt
java tools/bench/StaffLoad.java failover "http://127.0.0.1:${CONTINUUM_CLUSTER_PORT:-8080}/continuum" "$USERS" \
    "$SECONDS_RUN" > "$LOG" 2>&1 &
LOAD=$!
trap 'kill $LOAD 2>/dev/null || true; tools/postgresql.sh start "$DIR/postgresql" "$PG_PORT" \
    continuum continuum "$DIR/postgresql.password" > /dev/null 2>&1 || true' EXIT
until grep -q "sessions in" "$LOG"; do kill -0 $LOAD || { cat "$LOG"; exit 1; }; sleep 1; done
START=$(date +%s)
at() { while [ $(( $(date +%s) - START )) -lt "$1" ]; do sleep 1; done; }
at 30
echo "== $(( $(date +%s) - START )) s: PostgreSQL stopped"
tools/postgresql.sh stop "$DIR/postgresql"
at $(( 30 + OUTAGE ))
echo "== $(( $(date +%s) - START )) s: PostgreSQL starting again"
tools/postgresql.sh start "$DIR/postgresql" "$PG_PORT" continuum continuum \
    "$DIR/postgresql.password"
echo "== $(( $(date +%s) - START )) s: PostgreSQL is back"
wait $LOAD
trap - EXIT
grep -E "^failover|sessions in|errors,|^  error" "$LOG"
PIDS_AFTER="$(cat "$DIR/node1.pid") $(cat "$DIR/node2.pid")"
if [ "$PIDS_BEFORE" = "$PIDS_AFTER" ] && kill -0 $PIDS_AFTER 2>/dev/null; then
    echo "outage: both nodes are the processes they were before it (no restart)"
else
    echo "outage: a node was restarted or stopped ($PIDS_BEFORE -> $PIDS_AFTER)"
fi
# The servers' side: each failed request is logged there (the page a person saw said only that it failed).
for node in 1 2; do
    echo "node$node: $(grep -c ' ERROR ' "$DIR/node$node/log/server.log" || true) ERROR lines in its log since its start"
done
echo "(the whole output: $LOG)"
