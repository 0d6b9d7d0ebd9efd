# Sourced by the cluster's fault scripts (cluster-once, cluster-failover, cluster-outage, cluster-kill-under-load,
# cluster-crash-after-send), not a command: from the project root, it sets DIR (the cluster's folder) and PG_PORT,
# brings the cluster up with its check settings (tools/cluster.sh ensure), exports the database password for psql,
# and defines sql "<statement>" (unaligned, tuples only).
DIR=$(mkdir -p "${CONTINUUM_CLUSTER_DIR:-$PWD/data-cluster}" && cd "${CONTINUUM_CLUSTER_DIR:-$PWD/data-cluster}" && pwd)
PG_PORT=${CONTINUUM_CLUSTER_PG_PORT:-55433}
tools/cluster.sh ensure
PGPASSWORD=$(cat "$DIR/postgresql.password")
export PGPASSWORD
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U continuum -d continuum -qAtX -c "$1"; }
