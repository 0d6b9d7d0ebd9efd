#!/usr/bin/env bash
# Restores a backup of tools/backup.sh into a fresh PostgreSQL and a fresh WildFly, and proves it whole (R8):
#   1. the database: a new PostgreSQL cluster (its own folder and port), pg_restore of the dump;
#   2. every table's row count and digest equal the manifest taken in the backup's snapshot;
#   3. the audit chain verifies (and holds the exported head given in CONTINUUM_AUDIT_HEAD, seq:hash, if any);
#   4. every sealed value opens with the restored key folder and the passphrase;
#   5. a server started on the copy with those keys: every process instance has a way on (a task, a job or an event
#      it waits for), no incident, the jobs already due run, and staff work through its pages without an error.
# Prints each figure, exits 0 only when all five hold. Stops what it started; the copy stays in the folder.
#
#   CONTINUUM_KEYS_PASSPHRASE=… tools/restore-check.sh <file.dump> <keys-file.tar>
#
# CONTINUUM_RESTORE_DIR: where the copy goes (default ./data-restore, emptied first). The server uses the single
# server of the build (ear/target/server) on 127.0.0.1:10080 (management 11990), no mail intake, outgoing mail to
# 127.0.0.1:3025. It starts with the demo switch only because a backup of the demo holds demo accounts, which a
# production server refuses; a production restore starts as in "Production: the first start".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ne 2 ] || [ -z "${CONTINUUM_KEYS_PASSPHRASE:-}" ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2
fi
DUMP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
KEYS_TAR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
MANIFEST=${DUMP%.dump}.manifest
[ -f "$DUMP" ] && [ -f "$MANIFEST" ] && [ -f "$KEYS_TAR" ] || { echo "Need $DUMP, $MANIFEST and $KEYS_TAR" >&2; exit 2; }
SERVER=$ROOT/ear/target/server
CLASSES=$ROOT/ejb/target/classes
LIB=$ROOT/ear/target/continuum/lib
PG_JAR=$(find "$SERVER/modules" -name 'postgresql*.jar' 2>/dev/null | head -n 1 || true)
# What the sealing classes link to: the transaction API, Hibernate's event interfaces, the persistence API.
SERVER_JARS=$(find "$SERVER/modules" \( -name 'jakarta.transaction-api*.jar' -o -name 'hibernate-core*.jar' \
    -o -name 'jakarta.persistence-api*.jar' \) 2>/dev/null | tr '\n' ':')
if [ ! -f "$CLASSES/org/continuum/security/control/SealedValuesCheck.class" ] || [ -z "$PG_JAR" ]; then
    echo "Build first: mvn -q install -DskipTests (or ./run.sh)" >&2
    exit 2
fi
DIR=${CONTINUUM_RESTORE_DIR:-$ROOT/data-restore}
if [ -f "$DIR/postgresql/postmaster.pid" ]; then tools/postgresql.sh stop "$DIR/postgresql" || true; fi
rm -rf "$DIR" && mkdir -p "$DIR/keys" && DIR=$(cd "$DIR" && pwd) && chmod 711 "$DIR" && chmod 700 "$DIR/keys"
cd "$ROOT"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        for _ in $(seq 1 120); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    fi
    if [ -f "$DIR/postgresql/postmaster.pid" ]; then tools/postgresql.sh stop "$DIR/postgresql" > /dev/null || true; fi
}
trap cleanup EXIT
FAILED=0
verdict() { if [ "$1" -eq 0 ]; then echo "   -> yes"; else echo "   -> NO"; FAILED=1; fi; }
START=$(date +%s)

echo "== 1. A fresh PostgreSQL, the dump restored"
(umask 077 && python3 -c 'import secrets; print(secrets.token_hex(16), end="")' > "$DIR/postgresql.password")
PG_PORT=$(tools/postgresql.sh free-port)
tools/postgresql.sh start "$DIR/postgresql" "$PG_PORT" continuum continuum "$DIR/postgresql.password" > /dev/null
CONTINUUM_DB_PASSWORD=$(cat "$DIR/postgresql.password")
export CONTINUUM_DB_PASSWORD
URL="jdbc:postgresql://127.0.0.1:$PG_PORT/continuum"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
T0=$(date +%s.%N)
PGPASSWORD=$CONTINUUM_DB_PASSWORD "$PG_BIN/pg_restore" --no-owner --exit-on-error -h 127.0.0.1 -p "$PG_PORT" \
    -U continuum -d continuum "$DUMP"
echo "   restored $(du -h "$DUMP" | cut -f1) of dump in $(python3 -c "import time; print(round(time.time() - $T0, 1))") s"

echo "== 2. Row counts and digests of every table against the backup's manifest"
set +e
java -cp "$CLASSES:$PG_JAR" org.continuum.platform.control.BackupManifest compare "$URL" continuum "$MANIFEST"
verdict $?

echo "== 3. The audit chain${CONTINUUM_AUDIT_HEAD:+, with the exported head $CONTINUUM_AUDIT_HEAD}"
CLASSPATH=$PG_JAR tools/verify-audit-chain.sh "$URL" continuum ${CONTINUUM_AUDIT_HEAD:+--head "$CONTINUUM_AUDIT_HEAD"}
verdict $?

echo "== 4. Every sealed value opens with the restored key folder"
tar -C "$DIR/keys" -xf "$KEYS_TAR"
java -cp "$CLASSES:$PG_JAR:$SERVER_JARS$LIB/tink.jar:$LIB/protobuf-java.jar:$LIB/gson.jar" \
    org.continuum.security.control.SealedValuesCheck "$URL" continuum "$DIR/keys"
verdict $?
set -e

echo "== 5. A server on the copy: http://127.0.0.1:10080/continuum/"
BASE=$DIR/server
mkdir -p "$BASE/deployments"
cp -r "$SERVER/standalone/configuration" "$BASE/configuration"
cp "$ROOT/ear/target/continuum.ear" "$BASE/deployments/"
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$DIR/server.pid setsid "$SERVER/bin/standalone.sh" \
    -Djboss.server.base.dir="$BASE" -Djboss.node.name=restore -Djboss.socket.binding.port-offset=2000 \
    -b 127.0.0.1 -bmanagement 127.0.0.1 -Dcontinuum.data.dir="$DIR" -Dcontinuum.keys.dir="$DIR/keys" \
    -Dcontinuum.db.driver=postgresql -Dcontinuum.db.url="$URL" -Dcontinuum.db.user=continuum \
    -Djboss.mail.server.host=127.0.0.1 -Djboss.mail.server.port=3025 -Dcontinuum.demo=true \
    > "$DIR/server.console.log" 2>&1 < /dev/null &
for _ in $(seq 1 480); do
    [ -f "$DIR/server.pid" ] && SERVER_PID=$(cat "$DIR/server.pid")
    if [ -f "$BASE/deployments/continuum.ear.deployed" ] || [ -f "$BASE/deployments/continuum.ear.failed" ]; then break; fi
    sleep 0.5
done
if [ ! -f "$BASE/deployments/continuum.ear.deployed" ]; then
    echo "   the server did not start on the copy. Last lines of its log:" >&2
    tail -n 30 "$BASE/log/server.log" >&2 || true
    exit 1
fi
echo "   started in $(( $(date +%s) - START )) s from the beginning of the check"
sql() { PGPASSWORD=$CONTINUUM_DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U continuum -d continuum -qtAX -c "$1"; }
INSTANCES=$(sql "SELECT count(*) FROM act_ru_execution WHERE id_ = proc_inst_id_")
STUCK=$(sql "$(cat tools/stuck-processes.sql)")
DUE=$(sql "SELECT count(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= now()")
echo "   $INSTANCES process instances; $STUCK without a task, job or event to wait for; $DUE jobs due at start"
# Staff at work on the copy; meanwhile the job executor runs the jobs that were due.
java "$ROOT/tools/bench/StaffLoad.java" pages http://127.0.0.1:10080/continuum 4 30 > "$DIR/staff-load.txt" 2>&1 || true
grep -E "^P2: [0-9]+ (sessions|users)" "$DIR/staff-load.txt" | sed 's/^/   /'
ERRORS=$(sed -n 's/.* \([0-9]*\) errors,.*/\1/p' "$DIR/staff-load.txt" | head -n 1)
SESSIONS=$(sed -n 's/^P2: \([0-9]*\) sessions.*/\1/p' "$DIR/staff-load.txt" | head -n 1)
STILL_DUE=$(sql "SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now() - interval '30 seconds')")
FAILED_JOBS=$(sql "SELECT count(*) FROM act_ru_job WHERE retries_ = 0 OR exception_msg_ IS NOT NULL")
INCIDENTS=$(sql "SELECT count(*) FROM act_ru_incident")
echo "   after 30 s: $STILL_DUE jobs still due for more than 30 s, $FAILED_JOBS failed jobs, $INCIDENTS incidents"
[ "$STUCK" = 0 ] && [ "$STILL_DUE" = 0 ] && [ "$FAILED_JOBS" = 0 ] && [ "$INCIDENTS" = 0 ] \
    && [ "$ERRORS" = 0 ] && [ "${SESSIONS:-0}" -gt 0 ]
verdict $?
if grep -q "Exception" "$BASE/log/server.log"; then
    echo "   (the server log names an exception: $BASE/log/server.log)"
fi
echo "== Restore checked in $(( $(date +%s) - START )) s: $([ $FAILED = 0 ] && echo "WHOLE" || echo "NOT WHOLE")"
exit $FAILED
