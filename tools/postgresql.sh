#!/usr/bin/env bash
# A private PostgreSQL cluster on 127.0.0.1 for Continuum: the test command's second database and the run script's
# production-like switch (CONTINUUM_DB=postgresql ./run.sh). Installs Debian's package when the server binaries are
# missing; never touches a cluster it did not create.
#
#   tools/postgresql.sh start <folder> <port> <database> <role> <password-file>
#       Creates the cluster in <folder> if it is empty, starts it on 127.0.0.1:<port> (socket in <folder>), and
#       creates the role (password read from <password-file>, never from the command line) and its database.
#       CONTINUUM_PG_OPTIONS adds server options, e.g. "-c shared_preload_libraries=pg_stat_statements" to see which
#       statements a load spends its time in.
#   tools/postgresql.sh vacuum <folder> <port> <database>
#       VACUUM (ANALYZE) of the whole database, as after any bulk load: fresh planner statistics, and a visibility
#       map that lets the counts read their indexes alone.
#   tools/postgresql.sh stop <folder>
#   tools/postgresql.sh free-port
set -euo pipefail

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "== PostgreSQL server not installed: installing Debian's postgresql package" >&2
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get install -y -q postgresql >&2 || { $sudo apt-get update -q >&2 && $sudo apt-get install -y -q postgresql >&2; }
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    echo "$dir"
}

# PostgreSQL refuses to run as root: the cluster belongs to the postgres system user then.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-}" in
    free-port)
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        ;;
    start)
        folder=$2 port=$3 database=$4 role=$5 password_file=$6
        BIN=$(bin_dir)
        mkdir -p "$folder"
        [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
        chmod 700 "$folder"
        if [ ! -f "$folder/PG_VERSION" ]; then
            as_owner "$BIN/initdb" -D "$folder" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$folder.initdb.log" 2>&1 \
                || { cat "$folder.initdb.log" >&2; exit 1; }
            # Only the local socket trusts; TCP on 127.0.0.1 asks for the role's password.
            cat > "$folder/pg_hba.conf" <<EOF
local   all   postgres                 trust
host    all   all        127.0.0.1/32  scram-sha-256
EOF
        fi
        as_owner "$BIN/pg_ctl" -D "$folder" -l "$folder/server.log" -w -t 60 \
            -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${CONTINUUM_PG_FSYNC:-on} ${CONTINUUM_PG_OPTIONS:-}" start > /dev/null
        # The password travels in the environment of psql only (never on a command line that ps shows).
        CONTINUUM_PG_ROLE_PASSWORD=$(cat "$password_file")
        export CONTINUUM_PG_ROLE_PASSWORD
        as_owner "$BIN/psql" -h "$folder" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
            -v role="$role" -v database="$database" > /dev/null <<'EOF'
\getenv password CONTINUUM_PG_ROLE_PASSWORD
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8''', :'database', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
EOF
        ;;
    vacuum)
        folder=$2 port=$3 database=$4
        BIN=$(bin_dir)
        as_owner "$BIN/psql" -h "$folder" -p "$port" -U postgres -d "$database" -v ON_ERROR_STOP=1 -q \
            -c 'VACUUM (ANALYZE)'
        ;;
    stop)
        folder=$2
        BIN=$(bin_dir)
        if [ -f "$folder/postmaster.pid" ]; then
            as_owner "$BIN/pg_ctl" -D "$folder" -m fast -w stop > /dev/null
        fi
        ;;
    *)
        echo "usage: $0 start <folder> <port> <database> <role> <password-file> | vacuum <folder> <port> <database> | stop <folder> | free-port" >&2
        exit 2
        ;;
esac
