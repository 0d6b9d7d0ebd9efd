#!/usr/bin/env bash
# Staff at work through the cluster's balancer while its nodes die: the logged-in users of tools/bench/StaffLoad.java
# (dashboard, case list with sorting, paging and filters, case pages) for SECONDS, while this script kills node1
# with kill -9 at 30 s, starts it again, then kills node2 once node1 is back, and starts node2 again.
# Prints, second by second where anything failed, what the users saw, and how many sessions are still logged in at
# the end (each session was served by one node, then by the other).
# Usage: tools/cluster-failover.sh [users] [seconds]   (default 12 users, one per demo account, for 180 s)
# Starts the cluster with its check settings when it does not run with them (tools/cluster.sh ensure); leaves it
# running.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-12}
SECONDS_RUN=${2:-180}
source tools/cluster-check-setup.sh
LOG=$DIR/failover-$(date -u +%Y%m%dT%H%M).txt
java tools/bench/StaffLoad.java failover "http://127.0.0.1:${CONTINUUM_CLUSTER_PORT:-8080}/continuum" "$USERS" \
    "$SECONDS_RUN" > "$LOG" 2>&1 &
LOAD=$!
trap 'kill $LOAD 2>/dev/null || true' EXIT
# The logins come first (one code step per account): the faults start 30 s into the measured load.
until grep -q "sessions in" "$LOG"; do kill -0 $LOAD || { cat "$LOG"; exit 1; }; sleep 1; done
START=$(date +%s)
at() { while [ $(( $(date +%s) - START )) -lt "$1" ]; do sleep 1; done; }
at 30
echo "== $(( $(date +%s) - START )) s: kill -9 node1"; tools/cluster.sh kill 1
at 40
echo "== $(( $(date +%s) - START )) s: starting node1 again"; tools/cluster.sh restart 1 | grep -v "^== Stopping"
echo "== $(( $(date +%s) - START )) s: node1 is back"
at $(( $(date +%s) - START + 20 ))
echo "== $(( $(date +%s) - START )) s: kill -9 node2"; tools/cluster.sh kill 2
at $(( $(date +%s) - START + 10 ))
echo "== $(( $(date +%s) - START )) s: starting node2 again"; tools/cluster.sh restart 2 | grep -v "^== Stopping"
echo "== $(( $(date +%s) - START )) s: node2 is back"
wait $LOAD
trap - EXIT
grep -E "^failover|sessions in|errors,|^  error" "$LOG"
echo "(the whole output: $LOG)"
