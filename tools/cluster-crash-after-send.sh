#!/usr/bin/env bash
# R6 on the cluster: the outbox's side effect (the mail server accepted a notification) happened, then the node died
# before it recorded the notification as sent. The other node sends it again once the claim is stale (2 minutes)
# under the same Message-ID: one notification, one Message-ID at the recipient however many copies the mail server
# accepted, and one row recorded as sent.
#
# How the death is placed between the two: node2 is stopped, so node1's outbox sends alone; a trigger installed for
# the check (and removed after it) holds every transaction that records a notification as sent; the audit-chain head
# export (every 20 s here) mails the auditors; once node1's outbox hangs in that record, node1 is killed with
# kill -9, its database session ended, the trigger removed, and node2 started. Then, per notification that was held:
# copies at the recipient (2: before the death and after it), distinct Message-IDs among them (1), rows recorded as
# sent (1); and no other notification of the run arrived twice. Ends with both nodes up. About 4 minutes.
#
#   tools/cluster-crash-after-send.sh      (starts the cluster when it does not run)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/cluster-check-setup.sh
release() {
    # The held session first: it keeps the table locked, and the trigger cannot be dropped before it ends.
    sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE wait_event = 'PgSleep'
         AND query ILIKE '%notification%'" > /dev/null
    sql "SET client_min_messages = warning; DROP TRIGGER IF EXISTS crash_check_hold ON notification;
         DROP FUNCTION IF EXISTS crash_check_hold()"
}
trap release EXIT
copies() { # copies of a Message-ID in a mailbox
    (curl -s "http://127.0.0.1:8025/api/user/$2/messages/" | grep -o -F "\"Message-ID\":\"$1\"" || true) | wc -l
}
START=$(sql "SELECT now()")

echo "== node2 stopped: node1's outbox sends alone"
tools/cluster.sh stop 2
sql "CREATE FUNCTION crash_check_hold() RETURNS trigger LANGUAGE plpgsql AS
     \$\$ BEGIN PERFORM pg_sleep(600); RETURN NEW; END \$\$;
     CREATE TRIGGER crash_check_hold BEFORE UPDATE ON notification FOR EACH ROW
     WHEN (NEW.status = 'SENT' AND OLD.status <> 'SENT') EXECUTE FUNCTION crash_check_hold()"
echo "== waiting for node1 to hand notifications to the mail server, then hang recording them"
HELD=0
for _ in $(seq 1 120); do
    HELD=$(sql "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query ILIKE '%notification%'")
    [ "$HELD" -ge 1 ] && break
    sleep 1
done
[ "$HELD" -ge 1 ] || { echo "node1's outbox never recorded a notification as sent within 2 minutes"; exit 1; }
sleep 2 # the rest of the pass reaches the same record
mapfile -t ROWS < <(sql "SELECT n.id || '|' || n.message_id || '|' || u.email FROM notification n
                         JOIN app_user u ON u.username = n.recipient WHERE n.status = 'SENDING' ORDER BY n.id")
declare -A BEFORE
for row in "${ROWS[@]}"; do
    IFS='|' read -r id message email <<< "$row"
    BEFORE[$id]=$(copies "$message" "$email")
done
SENT_BEFORE=0
for id in "${!BEFORE[@]}"; do [ "${BEFORE[$id]}" -ge 1 ] && SENT_BEFORE=$((SENT_BEFORE + 1)); done
echo "   ${#ROWS[@]} notifications claimed by node1, $SENT_BEFORE of them already accepted by the mail server"

echo "== kill -9 of node1 while it records them"
tools/cluster.sh kill 1
KILLED=$(date +%s)
release
echo "== node2 starts and takes over"
tools/cluster.sh restart 2
IDS=$(for row in "${ROWS[@]}"; do echo "${row%%|*}"; done | paste -sd, -)
for _ in $(seq 1 300); do
    [ "$(sql "SELECT count(*) FROM notification WHERE id IN ($IDS) AND status <> 'SENT'")" -eq 0 ] && break
    sleep 1
done
AFTER_S=$(( $(date +%s) - KILLED ))
RECORDED=$(sql "SELECT count(*) FROM notification WHERE id IN ($IDS) AND status = 'SENT'")
TWO=0; OTHER=0
for row in "${ROWS[@]}"; do
    IFS='|' read -r id message email <<< "$row"
    n=$(copies "$message" "$email")
    want=$(( BEFORE[$id] + 1 ))
    if [ "$n" -eq "$want" ]; then TWO=$((TWO + 1)); else OTHER=$((OTHER + 1)); echo "   $id: $n copies, $want expected"; fi
done
# Every other notification of the run: sent, and received once.
ONCE_ELSEWHERE=0; TWICE_ELSEWHERE=0
while IFS='|' read -r message email; do
    [ -z "$message" ] && continue
    case $(copies "$message" "$email") in 1) ONCE_ELSEWHERE=$((ONCE_ELSEWHERE + 1)) ;; 0) ;; *) TWICE_ELSEWHERE=$((TWICE_ELSEWHERE + 1)) ;; esac
done < <(sql "SELECT n.message_id, u.email FROM notification n JOIN app_user u ON u.username = n.recipient
              WHERE n.created_at >= '$START' AND n.status = 'SENT' AND n.id NOT IN ($IDS)")
echo "   held: ${#ROWS[@]}; recorded as sent once each: $RECORDED (by node2, $AFTER_S s after the kill)"
echo "   at the recipients: $TWO received once more under their one Message-ID, $OTHER otherwise"
echo "   the run's other notifications: $ONCE_ELSEWHERE received once, $TWICE_ELSEWHERE more than once"
echo "== node1 again"
tools/cluster.sh restart 1 > /dev/null
if [ "$RECORDED" -ne "${#ROWS[@]}" ] || [ "$OTHER" -ne 0 ] || [ "$TWICE_ELSEWHERE" -ne 0 ] || [ "$SENT_BEFORE" -lt 1 ]; then
    echo "SIDE EFFECT NOT ONCE"; exit 1
fi
echo "side effect once per Message-ID: yes"
