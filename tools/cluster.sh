#!/usr/bin/env bash
# Continuum on two WildFly servers that form one cluster, sharing one PostgreSQL, behind one balancer, on this
# machine's loopback: what an NGO runs when one server is not enough or must not be a single point of failure.
#
#   tools/cluster.sh start     builds the cluster server (first time: a few minutes), starts PostgreSQL, the local
#                              mail server, node1, then node2, then the balancer; prints the URL and returns.
#                              Demo data and demo logins as with ./run.sh (CONTINUUM_DEMO_CASES, default 200).
#   tools/cluster.sh stop      stops the balancer, both nodes (each finishes its requests), the mail server and
#                              PostgreSQL. Data is kept in the cluster's folder.
#   tools/cluster.sh stop N    stops node N (1 or 2) only, cleanly: the other serves alone.
#   tools/cluster.sh status    which parts run, and the cluster's members as node1 sees them.
#   tools/cluster.sh kill N    kill -9 of node N (1 or 2): the fault R1 measures.
#   tools/cluster.sh restart N starts node N again (after a kill or a stop), with the cluster's settings.
#   tools/cluster.sh ensure    the cluster as the fault scripts need it: started, or restarted unless both nodes and
#                              the balancer run with its check settings (the audit-chain head exported every 20 s; the
#                              public form's limits per address and per hour raised, since every client of a load
#                              comes from 127.0.0.1) and those of CONTINUUM_SERVER_OPTS.
#
# The parts, all on 127.0.0.1:
#   balancer    HAProxy (Debian's package, installed when missing) on :8080, round robin, a cookie keeps a browser
#               on its node while that node answers; when it stops answering, the next request goes to the other
#   node1/node2 WildFly with its clustering (JGroups over TCP on :8600/:8700, members from a fixed list; Infinispan
#               keeps each web session on both nodes, so a login survives the loss of either); HTTP :9080/:9180,
#               management :10990/:11090
#   database    PostgreSQL 15 on :55433 (its own cluster in the folder; tools/postgresql.sh)
#   mail        GreenMail: SMTP :3025, IMAP :3143, web API :8025 (as with run.sh)
# Folder: $CONTINUUM_CLUSTER_DIR, default ./data-cluster. Keys: <folder>/keys, read by both nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=$(mkdir -p "${CONTINUUM_CLUSTER_DIR:-$ROOT/data-cluster}" && cd "${CONTINUUM_CLUSTER_DIR:-$ROOT/data-cluster}" && pwd)
SERVER=$ROOT/ear/target/server-ha
PG_PORT=${CONTINUUM_CLUSTER_PG_PORT:-55433}
BALANCER_PORT=${CONTINUUM_CLUSTER_PORT:-8080}
MEMBERS="127.0.0.1[8600],127.0.0.1[8700]"
# The settings of the last start (CONTINUUM_SERVER_OPTS), kept for a node's restart.
OPTS_FILE=$DIR/server-opts

offset() { echo $(( 1000 + ($1 - 1) * 100 )); }
http_port() { echo $(( 8080 + $(offset "$1") )); }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

build() {
    if [ ! -x "$SERVER/bin/standalone.sh" ] || [ "${CONTINUUM_CLUSTER_BUILD:-auto}" = always ] \
        || [ -n "$(find "$ROOT"/{ejb,web,workflow,ear}/src -newer "$SERVER/bin/standalone.sh" -type f -print -quit)" ]; then
        echo "== Building Continuum and its cluster server"
        mvn -B --no-transfer-progress -q install -DskipTests -DskipITs -Dspotbugs.skip=true -Dcluster
        touch "$SERVER/bin/standalone.sh"
    fi
}

start_node() {
    local n=$1 base=$DIR/node$1
    if alive "$DIR/node$n.pid"; then echo "node$n runs already"; return 0; fi
    mkdir -p "$base/deployments" "$DIR/keys"
    chmod 700 "$DIR/keys"
    rm -rf "$base/configuration" "$base/deployments/"continuum.ear*
    cp -r "$SERVER/standalone/configuration" "$base/configuration"
    cp "$ROOT/ear/target/continuum.ear" "$base/deployments/"
    CONTINUUM_DB_PASSWORD=$(cat "$DIR/postgresql.password")
    echo "== Starting node$n (HTTP 127.0.0.1:$(http_port "$n"))"
    # The database password reaches WildFly through its environment only.
    CONTINUUM_DB_PASSWORD=$CONTINUUM_DB_PASSWORD LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$DIR/node$n.pid \
        setsid "$SERVER/bin/standalone.sh" \
        -Djboss.server.base.dir="$base" -Djboss.node.name="node$n" \
        -Djboss.socket.binding.port-offset="$(offset "$n")" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Dcontinuum.cluster.bind=127.0.0.1 -Dcontinuum.cluster.members="$MEMBERS" \
        -Dcontinuum.data.dir="$DIR" \
        -Dcontinuum.db.driver=postgresql -Dcontinuum.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT/continuum" \
        -Dcontinuum.db.user=continuum \
        -Djboss.mail.server.host=127.0.0.1 -Djboss.mail.server.port=3025 \
        -Dcontinuum.intake.imap.host=127.0.0.1 -Dcontinuum.intake.imap.port=3143 -Dcontinuum.intake.team=MENA \
        -Dcontinuum.request.team=MENA -Dcontinuum.intake.imap.user=intake@continuum.test \
        -Dcontinuum.intake.imap.password=demo -Dcontinuum.intake.imap.pollMillis=15000 \
        -Dcontinuum.demo=true -Dcontinuum.demo.generate="${CONTINUUM_DEMO_CASES:-200}" \
        $(cat "$OPTS_FILE" 2>/dev/null || true) \
        > "$DIR/node$n.console.log" 2>&1 < /dev/null &
    for _ in $(seq 1 480); do
        if [ -f "$base/deployments/continuum.ear.deployed" ]; then return 0; fi
        if [ -f "$base/deployments/continuum.ear.failed" ]; then break; fi
        sleep 0.5
    done
    echo "node$n did not start. Last lines of $base/log/server.log:" >&2
    tail -n 40 "$base/log/server.log" >&2 || true
    return 1
}

stop_node() {
    local pidfile=$DIR/node$1.pid
    if alive "$pidfile"; then
        echo "== Stopping node$1"
        kill -TERM "$(cat "$pidfile")"
        for _ in $(seq 1 120); do alive "$pidfile" || break; sleep 0.5; done
    fi
    rm -f "$pidfile"
}

start_balancer() {
    if alive "$DIR/balancer.pid"; then return 0; fi
    if ! command -v haproxy > /dev/null; then
        echo "== HAProxy not installed: installing Debian's haproxy package"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get install -y -q haproxy > /dev/null || { $sudo apt-get update -q > /dev/null \
            && $sudo apt-get install -y -q haproxy > /dev/null; }
    fi
    # A node is in the rotation while its application answers a static file; a request whose node stops answering
    # is sent once more to the other (redispatch), which holds a copy of the session. A killed node refuses the
    # check's connection at once (out after 3 checks, 6 s); a busy one may take seconds to answer it: with a 1-second
    # check, 200 staff at work took both nodes out of the rotation and the balancer answered 503 to everyone.
    cat > "$DIR/haproxy.cfg" <<EOF
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout check 10s
    option redispatch
    retries 2
frontend continuum
    bind 127.0.0.1:$BALANCER_PORT
    default_backend nodes
backend nodes
    balance roundrobin
    cookie CONTINUUM_NODE insert indirect nocache httponly
    option httpchk GET /continuum/resources/continuum/public.css
    default-server check inter 2s fall 3 rise 2
    server node1 127.0.0.1:$(http_port 1) cookie node1
    server node2 127.0.0.1:$(http_port 2) cookie node2
EOF
    haproxy -c -q -f "$DIR/haproxy.cfg"
    setsid haproxy -db -f "$DIR/haproxy.cfg" > "$DIR/balancer.log" 2>&1 < /dev/null &
    echo $! > "$DIR/balancer.pid"
}

start_mail() {
    if alive "$DIR/mail.pid"; then return 0; fi
    setsid java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
        -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
        -jar "$ROOT/ear/target/tools/greenmail-standalone.jar" > "$DIR/mail.log" 2>&1 < /dev/null &
    echo $! > "$DIR/mail.pid"
}

start_database() {
    if [ ! -f "$DIR/postgresql.password" ]; then
        (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(16), end="")' > "$DIR/postgresql.password")
    fi
    chmod 711 "$DIR"
    if [ ! -f "$DIR/postgresql/postmaster.pid" ]; then
        echo "== Starting PostgreSQL on 127.0.0.1:$PG_PORT"
        tools/postgresql.sh start "$DIR/postgresql" "$PG_PORT" continuum continuum "$DIR/postgresql.password"
    fi
}

stop_pidfile() {
    if alive "$1"; then kill -TERM "$(cat "$1")"; fi
    rm -f "$1"
}

case "${1:-}" in
    start)
        build
        printf '%s' "${CONTINUUM_SERVER_OPTS:-}" > "$OPTS_FILE"
        start_database
        start_mail
        # One after the other: the first node migrates the database and writes the demo data alone.
        start_node 1
        start_node 2
        start_balancer
        cat <<BANNER

  Continuum runs on two servers:  http://127.0.0.1:$BALANCER_PORT/continuum/   (the balancer)
    node1 http://127.0.0.1:$(http_port 1)/continuum/   node2 http://127.0.0.1:$(http_port 2)/continuum/
  Demo logins as printed by ./run.sh (e.g. amira.caseworker / Demo-Caseworker-1; the login page shows the code).
  Try: log in, then  tools/cluster.sh kill 1  (or 2): the next click is answered by the other node, still logged in.
  tools/cluster.sh restart 1 brings it back; tools/cluster.sh stop stops everything. Folder: $DIR
BANNER
        ;;
    stop)
        case "${2:-}" in
            1|2) stop_node "$2"; exit 0 ;;
            "") ;;
            *) echo "usage: tools/cluster.sh stop [1|2]" >&2; exit 2 ;;
        esac
        stop_pidfile "$DIR/balancer.pid"
        stop_node 2
        stop_node 1
        stop_pidfile "$DIR/mail.pid"
        if [ -f "$DIR/postgresql/postmaster.pid" ]; then tools/postgresql.sh stop "$DIR/postgresql" || true; fi
        echo "== Stopped. Data kept in $DIR"
        ;;
    kill)
        case "${2:-}" in 1|2) ;; *) echo "usage: tools/cluster.sh kill 1|2" >&2; exit 2 ;; esac
        if alive "$DIR/node$2.pid"; then kill -KILL "$(cat "$DIR/node$2.pid")"; echo "node$2 killed"; fi
        ;;
    restart)
        case "${2:-}" in 1|2) ;; *) echo "usage: tools/cluster.sh restart 1|2" >&2; exit 2 ;; esac
        stop_node "$2"
        start_node "$2"
        ;;
    ensure)
        CONTINUUM_SERVER_OPTS="-Dcontinuum.audit.headExport.interval=PT20S"\
" -Dcontinuum.request.perAddressPerHour=1000000 -Dcontinuum.request.perHour=1000000 ${CONTINUUM_SERVER_OPTS:-}"
        export CONTINUUM_SERVER_OPTS
        running=yes
        for n in 1 2; do
            if ! alive "$DIR/node$n.pid"; then running=no; continue; fi
            args=$(ps -o args= -p "$(cat "$DIR/node$n.pid")")
            for opt in ${CONTINUUM_SERVER_OPTS:-}; do
                [[ " $args " == *" $opt "* ]] || running=no
            done
        done
        alive "$DIR/balancer.pid" || running=no
        if [ $running = no ]; then
            "$0" stop > /dev/null
            "$0" start
        fi
        ;;
    status)
        for part in balancer node1 node2 mail; do
            if alive "$DIR/$part.pid"; then echo "$part: running"; else echo "$part: stopped"; fi
        done
        if [ -f "$DIR/postgresql/postmaster.pid" ]; then echo "database: running"; else echo "database: stopped"; fi
        if alive "$DIR/node1.pid"; then
            "$SERVER/bin/jboss-cli.sh" --controller=127.0.0.1:$(( 9990 + $(offset 1) )) -c \
                '/subsystem=jgroups/channel=ee:read-attribute(name=view)' 2>/dev/null | grep result || true
        fi
        ;;
    *)
        sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
