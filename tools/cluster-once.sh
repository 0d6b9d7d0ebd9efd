#!/usr/bin/env bash
# Work that must happen once, counted with both nodes of the cluster up (tools/cluster.sh; started when it does not
# run). Sends N requests by e-mail to the intake mailbox, then counts:
#   - intake: drafts made from them (N expected: each mail read by one node, never by both);
#   - the audit-chain head export, a timer on both nodes run by the lease holder only: the cluster runs it every
#     20 s for this check (tools/cluster.sh ensure), so a window of at least 90 s holds 4 or 5 exports, never two
#     within 10 s of each other;
#   - outbox: every notification written since the start is sent, and each arrived exactly once at the mail server
#     (its fixed Message-ID counted in the recipient's mailbox);
#   - the workflow engine's jobs, acquired by both nodes from the database: jobs overdue by more than a minute,
#     jobs out of retries, incidents, and jobs that failed on a node (ENGINE-14006 in either log) since the start;
#   - the periodic jobs under a lease (mail intake, retention, audit-chain head): which node holds each.
# Prints the figures; exits non-zero when a count is off. Usage: tools/cluster-once.sh [N]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
source tools/cluster-check-setup.sh
lines() { cat "$DIR"/node"$1"/log/server.log* 2>/dev/null | grep -c "$2" || true; }

RUN=$(date -u +%Y%m%dT%H%M%S)
START=$(sql "SELECT now()")
INTAKE_BEFORE=$(sql "SELECT count(*) FROM mail_intake")
FAILED_BEFORE=$(( $(lines 1 ENGINE-14006) + $(lines 2 ENGINE-14006) ))
echo "== $N requests by e-mail to intake@continuum.test (run $RUN)"
for i in $(seq 1 "$N"); do
    printf 'From: person%s@example.org\r\nTo: intake@continuum.test\r\nSubject: Request %s of run %s\r\nMessage-ID: <%s-%s@example.org>\r\n\r\nI need help (request %s of run %s).\r\n' \
        "$i" "$i" "$RUN" "$RUN" "$i" "$i" "$RUN" \
        | curl -s smtp://127.0.0.1:3025 --mail-from "person$i@example.org" --mail-rcpt intake@continuum.test -T -
done
for _ in $(seq 1 120); do
    [ "$(sql "SELECT count(*) FROM mail_intake")" -ge $(( INTAKE_BEFORE + N )) ] && break
    sleep 1
done
sleep 20   # one more pass of the poller on either node: nothing may be read twice
INTAKE=$(( $(sql "SELECT count(*) FROM mail_intake") - INTAKE_BEFORE ))
LEFT=$( (curl -s http://127.0.0.1:8025/api/user/intake@continuum.test/messages/ | grep -o '"uid"' || true) | wc -l)
echo "intake: $N sent, $INTAKE drafts made, $LEFT left in the mailbox"

# The audit-chain head export: a window of at least 90 s since the start.
while [ "$(sql "SELECT extract(epoch FROM now() - '$START'::timestamptz)::int")" -lt 90 ]; do sleep 1; done
WINDOW=$(sql "SELECT extract(epoch FROM now() - '$START'::timestamptz)::int")
EXPORTS=$(sql "SELECT count(*) FROM audit_event WHERE action = 'AUDIT_CHAIN_EXPORTED' AND occurred_at >= '$START'")
CLOSEST=$(sql "SELECT coalesce(min(gap), 0) FROM (SELECT extract(epoch FROM occurred_at - lag(occurred_at)
               OVER (ORDER BY occurred_at))::int AS gap FROM audit_event
               WHERE action = 'AUDIT_CHAIN_EXPORTED' AND occurred_at >= '$START') g WHERE gap IS NOT NULL")
echo "audit-chain head export: $EXPORTS exports in $WINDOW s (every 20 s), the closest two $CLOSEST s apart"

# The outbox: wait until everything written since the start is sent, then count each Message-ID at its recipient.
for _ in $(seq 1 60); do
    [ "$(sql "SELECT count(*) FROM notification WHERE created_at >= '$START' AND status <> 'SENT'")" -eq 0 ] && break
    sleep 1
done
NOTIFICATIONS=$(sql "SELECT count(*) FROM notification WHERE created_at >= '$START'")
UNSENT=$(sql "SELECT count(*) FROM notification WHERE created_at >= '$START' AND status <> 'SENT'")
ONCE=0; TWICE=0; MISSING=0
while IFS='|' read -r message email; do
    [ -z "$message" ] && continue
    # The stored Message-ID has its angle brackets.
    count=$( (curl -s "http://127.0.0.1:8025/api/user/$email/messages/" \
        | grep -o -F "\"Message-ID\":\"$message\"" || true) | wc -l)
    case $count in 1) ONCE=$((ONCE + 1)) ;; 0) MISSING=$((MISSING + 1)) ;; *) TWICE=$((TWICE + 1)) ;; esac
done < <(sql "SELECT n.message_id, u.email FROM notification n JOIN app_user u ON u.username = n.recipient
              WHERE n.created_at >= '$START'")
echo "outbox: $NOTIFICATIONS notifications written, $UNSENT not sent; delivered once $ONCE, more than once $TWICE," \
     "missing $MISSING"

OVERDUE=$(sql "SELECT count(*) FROM act_ru_job WHERE duedate_ < now() - interval '1 minute' AND retries_ > 0
               AND suspension_state_ = 1")
DEAD=$(sql "SELECT count(*) FROM act_ru_job WHERE retries_ = 0")
INCIDENTS=$(sql "SELECT count(*) FROM act_ru_incident")
FAILED=$(( $(lines 1 ENGINE-14006) + $(lines 2 ENGINE-14006) - FAILED_BEFORE ))
echo "engine jobs: $(sql "SELECT count(*) FROM act_ru_job") waiting, $OVERDUE overdue by more than a minute," \
     "$DEAD out of retries, $INCIDENTS incidents, $FAILED failed executions since the start"
echo "leases: $(sql "SELECT string_agg(name || ' ' || coalesce(holder, '(none)'), ', ' ORDER BY name) FROM job_lease")"

if [ "$INTAKE" -ne "$N" ] || [ "$LEFT" -ne 0 ] || [ "$EXPORTS" -lt $(( WINDOW / 20 - 1 )) ] \
    || [ "$EXPORTS" -gt $(( WINDOW / 20 + 1 )) ] || [ "$CLOSEST" -lt 10 ] || [ "$UNSENT" -ne 0 ] || [ "$TWICE" -ne 0 ] || [ "$MISSING" -ne 0 ] \
    || [ "$OVERDUE" -ne 0 ] || [ "$DEAD" -ne 0 ] || [ "$INCIDENTS" -ne 0 ] || [ "$FAILED" -ne 0 ]; then
    echo "NOT EXACTLY ONCE"; exit 1
fi
echo "exactly once: yes"
