#!/usr/bin/env bash
# R1 on the cluster, for the transition anyone can start: requests for help sent through the public form by CLIENTS
# people at once, through the balancer, while node1 is killed with kill -9 (at 40 s) and started again (at 70 s).
# Counted from the clients' side: requests sent, acknowledged (the receipt code shown), failed. Then from the
# application and the database:
#   - lost: acknowledged receipt codes the public status page does not know (0 expected);
#   - duplicated: requests stored more than once (each form's token is stored with its request: rows against
#     distinct tokens, which the database also keeps unique), and rows against requests sent (never more);
#   - the workflow engine: process instances with nothing to wait for, jobs out of retries, incidents (0 expected).
# Prints the figures and exits non-zero when one is off. The cluster runs with the public form's per-address limits
# raised (tools/cluster.sh ensure): every client comes from 127.0.0.1.
#
#   tools/cluster-kill-under-load.sh [CLIENTS] [SECONDS]     (default 200 clients, 120 s)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-200}
SECONDS_RUN=${2:-120}
BASE="http://127.0.0.1:${CONTINUUM_CLUSTER_PORT:-8080}/continuum"
source tools/cluster-check-setup.sh
START=$(sql "SELECT now()")
LOG=$DIR/kill-under-load-$(date -u +%Y%m%dT%H%M).txt
CODES=$DIR/kill-under-load.codes
java tools/bench/RequestLoad.java run "$BASE" "$CLIENTS" "$SECONDS_RUN" "$CODES" > "$LOG" 2>&1 &
LOAD=$!
trap 'kill $LOAD 2>/dev/null || true' EXIT
sleep 40
echo "== $(date -u +%T) kill -9 of node1 under load"
tools/cluster.sh kill 1
sleep 30
echo "== $(date -u +%T) node1 again"
tools/cluster.sh restart 1
wait $LOAD || true
trap - EXIT
cat "$LOG"
sleep 5 # the last requests' transactions
ROWS=$(sql "SELECT count(*) FROM mail_intake WHERE channel = 'WEB_FORM' AND received_at >= '$START'")
TOKENS=$(sql "SELECT count(DISTINCT digest) FROM mail_intake WHERE channel = 'WEB_FORM' AND received_at >= '$START'")
SENT=$(sed -n 's/.*: \([0-9]*\) requests sent.*/\1/p' "$LOG")
ACK=$(sed -n 's/.* \([0-9]*\) acknowledged, [0-9]* failed (.*/\1/p' "$LOG")
echo "stored: $ROWS requests, $TOKENS distinct form tokens; $SENT sent, $ACK acknowledged," \
     "$(( ROWS - ACK )) stored without the answer reaching the client"
set +e
java tools/bench/RequestLoad.java check "$BASE" "$CODES"
CHECKED=$?
set -e
rm -f "$CODES"
STUCK=$(sql "$(cat tools/stuck-processes.sql)")
DEAD=$(sql "SELECT count(*) FROM act_ru_job WHERE retries_ = 0")
INCIDENTS=$(sql "SELECT count(*) FROM act_ru_incident")
echo "engine: $(sql "SELECT count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_") process instances," \
     "$STUCK with nothing to wait for, $DEAD jobs out of retries, $INCIDENTS incidents"
if [ "$CHECKED" -ne 0 ] || [ "${ACK:-0}" -eq 0 ] || [ "$ROWS" -ne "$TOKENS" ] || [ "$ROWS" -gt "$SENT" ] || [ "$ROWS" -lt "$ACK" ] \
    || [ "$STUCK" -ne 0 ] || [ "$DEAD" -ne 0 ] || [ "$INCIDENTS" -ne 0 ]; then
    echo "R1: NOT HELD"; exit 1
fi
echo "R1: 0 acknowledged requests lost, 0 duplicated, 0 processes stuck, 0 incidents"
