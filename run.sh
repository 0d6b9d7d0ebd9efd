#!/usr/bin/env bash
# Builds Continuum and runs it on http://127.0.0.1:8080/continuum/ with the embedded H2 database and demo data.
# Data, keys and server logs live under ./data (or $CONTINUUM_DATA_DIR); a second start keeps them. Ctrl-C stops it.
# CONTINUUM_DB=postgresql runs it on a local PostgreSQL instead (its own cluster under the data folder, on
# 127.0.0.1:${CONTINUUM_PG_PORT:-55432}; Debian's package is installed when missing).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=$(mkdir -p "${CONTINUUM_DATA_DIR:-$ROOT/data}" && cd "${CONTINUUM_DATA_DIR:-$ROOT/data}" && pwd)
SERVER=$ROOT/ear/target/server
BASE=$DATA/server

echo "== Building Continuum (the first build downloads WildFly and libraries from Maven Central: a few minutes)"
mvn -B --no-transfer-progress -q install -DskipTests -DskipITs -Dspotbugs.skip=true

# Fresh server configuration and application at every start; the database and keys are kept.
mkdir -p "$BASE/deployments" "$DATA/db" "$DATA/keys"
chmod 700 "$DATA/keys"
rm -rf "$BASE/configuration" "$BASE/deployments/"continuum.ear*
cp -r "$SERVER/standalone/configuration" "$BASE/configuration"
cp "$ROOT/ear/target/continuum.ear" "$BASE/deployments/"

# The database: embedded H2 by default, or a PostgreSQL cluster of this data folder. Its password is generated once,
# kept in the data folder (owner only), and reaches WildFly through the environment, never a command line.
# H2 2.2 rewrites its file in the background whenever less than 90 % of it is live data: after a large write (the
# data generator, an import) that kept most of a core busy with no user on the server. At 50 % it tidies far less.
# H2 2.2 also hands a connection the last result of the same query when it believes no table changed since; it marks
# the tables changed a moment before the commit makes the rows visible, so a query run in that moment is kept and
# then served stale after the commit (a task just created missing from the inbox). OPTIMIZE_REUSE_RESULTS=FALSE
# turns that off (H2ResultReuseTest reads this line).
DB_ARGS=(-Dcontinuum.db.url="jdbc:h2:file:$DATA/db/continuum;LOCK_TIMEOUT=10000;AUTO_COMPACT_FILL_RATE=50;OPTIMIZE_REUSE_RESULTS=FALSE")
PGDATA_DIR=""
if [ "${CONTINUUM_DB:-h2}" = postgresql ]; then
    PG_PORT=${CONTINUUM_PG_PORT:-55432}
    PGDATA_DIR=$DATA/postgresql
    if [ ! -f "$DATA/postgresql.password" ]; then
        (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(16), end="")' > "$DATA/postgresql.password")
    fi
    chmod 711 "$DATA"
    echo "== Starting PostgreSQL on 127.0.0.1:$PG_PORT ($PGDATA_DIR)"
    tools/postgresql.sh start "$PGDATA_DIR" "$PG_PORT" continuum continuum "$DATA/postgresql.password"
    CONTINUUM_DB_PASSWORD=$(cat "$DATA/postgresql.password")
    export CONTINUUM_DB_PASSWORD
    DB_ARGS=(-Dcontinuum.db.driver=postgresql -Dcontinuum.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT/continuum"
             -Dcontinuum.db.user=continuum)
elif [ "${CONTINUUM_DB:-h2}" != h2 ]; then
    echo "CONTINUUM_DB must be h2 (the default) or postgresql" >&2; exit 2
fi

PIDFILE=$DATA/server.pid
rm -f "$PIDFILE"
MAILPID=""
stop_database() {
    if [ -n "$PGDATA_DIR" ]; then tools/postgresql.sh stop "$PGDATA_DIR" || true; fi
}
stop() {
    trap - INT TERM
    echo; echo "== Stopping Continuum"
    if [ -f "$PIDFILE" ]; then kill -TERM "$(cat "$PIDFILE")" 2>/dev/null || true; fi
    wait "$STANDALONE" 2>/dev/null || true
    if [ -n "$MAILPID" ]; then kill -TERM "$MAILPID" 2>/dev/null || true; wait "$MAILPID" 2>/dev/null || true; fi
    stop_database
    echo "== Stopped. Data kept in $DATA"
    exit 0
}

# A real local mail server (GreenMail, fetched by the build) receives the staff notifications: SMTP 3025, IMAP 3143
# (log in with the user's address and any password), and a small web API on 8025. Loopback only.
echo "== Starting the local mail server"
java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
    -jar "$ROOT/ear/target/tools/greenmail-standalone.jar" > "$DATA/mail.log" 2>&1 &
MAILPID=$!

echo "== Starting WildFly"
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$PIDFILE "$SERVER/bin/standalone.sh" \
    -Djboss.server.base.dir="$BASE" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Dcontinuum.data.dir="$DATA" \
    "${DB_ARGS[@]}" \
    -Djboss.mail.server.host=127.0.0.1 -Djboss.mail.server.port=3025 \
    -Dcontinuum.intake.imap.host=127.0.0.1 -Dcontinuum.intake.imap.port=3143 -Dcontinuum.intake.team=MENA -Dcontinuum.request.team=MENA \
    -Dcontinuum.intake.imap.user=intake@continuum.test -Dcontinuum.intake.imap.password=demo \
    -Dcontinuum.intake.imap.pollMillis=15000 \
    -Dcontinuum.demo=true -Dcontinuum.demo.generate="${CONTINUUM_DEMO_CASES:-200}" ${CONTINUUM_SERVER_OPTS:-} \
    > "$DATA/console.log" 2>&1 &
STANDALONE=$!
trap stop INT TERM

for _ in $(seq 1 240); do
    if [ -f "$BASE/deployments/continuum.ear.deployed" ]; then break; fi
    if [ -f "$BASE/deployments/continuum.ear.failed" ] || ! kill -0 "$STANDALONE" 2>/dev/null; then
        echo "Continuum did not start. Last lines of $BASE/log/server.log:"; tail -n 40 "$BASE/log/server.log" || true
        stop
    fi
    sleep 0.5
done

cat <<BANNER

  Continuum is running:  http://127.0.0.1:8080/continuum/

  Demo logins (demo data only; never use these in production):
    caseworker        amira.caseworker     / Demo-Caseworker-1   (team MENA)
    caseworker        ivan.caseworker      / Demo-Caseworker-2   (team EUR-EAST)
    security mentor   sofia.mentor         / Demo-Mentor-2026
    coordinator       claire.coordinator   / Demo-Coordinator-1  (team MENA)
    coordinator       elena.coordinator    / Demo-Coordinator-3  (team EUR-EAST)
    mentor, EUR-EAST  nika.mentor          / Demo-Mentor-EUR-2026
    coordinator       pavel.coordinator    / Demo-Coordinator-4  (team EUR-EAST, second approvals)
    auditor           nadia.auditor        / Demo-Auditor-2026
    administrator     admin                / Demo-Admin-2026!
    new colleague     lea.caseworker       / Demo-Newcomer-2026  (no second factor yet: enrols at first login)

  Every login asks for a second-factor code after the password. On this demo server the login page shows
  the current code of the demo account under the code field: type it in (no phone needed). A real server
  never shows it, and refuses to start while a demo account could still log in.

  Staff notifications go to a local mail server (demo addresses: <username>@continuum.test):
    web:  http://127.0.0.1:8025/api/user/sofia.mentor@continuum.test/messages/
    IMAP: 127.0.0.1:3143, user = the address, any password.   Outbox: log in as admin -> Outbox.
  Requests by e-mail: send a mail to intake@continuum.test through SMTP 127.0.0.1:3025
    (e.g. curl smtp://127.0.0.1:3025 --mail-from you@example.org --mail-rcpt intake@continuum.test -T mail.txt);
    it appears under "Incoming requests" for the MENA team within 15 s.
  Requests through the public form (no login, for people at risk):  http://127.0.0.1:8080/continuum/request/
    they land in the same queue (MENA); the person comes back with the receipt code it shows them.

  Database: ${CONTINUUM_DB:-h2}.   Data, keys and logs: $DATA     Press Ctrl-C to stop.
BANNER
# The server stopped on its own (or was stopped by its PID): stop the mail server with it.
wait "$STANDALONE" || true
if [ -n "$MAILPID" ]; then kill -TERM "$MAILPID" 2>/dev/null || true; fi
stop_database
