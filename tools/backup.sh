#!/usr/bin/env bash
# Backs up a Continuum installation on PostgreSQL: the database (pg_dump, custom format) with its manifest (every
# table's row count and a digest of its rows, taken in the same snapshot pg_dump reads, so the copy can be proved
# whole later), and the key folder, into two different folders: keep them on different media, and the keys
# passphrase in neither (the key folder alone opens nothing; the database alone shows no sealed value).
#
#   tools/backup.sh <database-backup-folder> <keys-backup-folder>
#
# Settings from the environment (defaults: the cluster of tools/cluster.sh):
#   CONTINUUM_DB_URL        jdbc:postgresql://127.0.0.1:55433/continuum
#   CONTINUUM_DB_USER       continuum (a role that can read every table; the schema owner)
#   CONTINUUM_DB_PASSWORD   the cluster's data-cluster/postgresql.password
#   CONTINUUM_KEYS_DIR      data-cluster/keys
# The server keeps running: the dump is one consistent snapshot. Writes <stamp>.dump and <stamp>.manifest, and
# keys-<stamp>.tar (mode 600). Restore and prove it: tools/restore-check.sh. Needs a build (mvn install -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ne 2 ]; then sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; fi
DB_OUT=$(mkdir -p "$1" && cd "$1" && pwd)
KEYS_OUT=$(mkdir -p "$2" && cd "$2" && pwd)
case "$DB_OUT/" in "$KEYS_OUT/"*) echo "The database and the keys go to different folders" >&2; exit 2 ;; esac
case "$KEYS_OUT/" in "$DB_OUT/"*) echo "The database and the keys go to different folders" >&2; exit 2 ;; esac
CLASSES=$ROOT/ejb/target/classes
PG_JAR=$(find "$ROOT/ear/target/server/modules" -name 'postgresql*.jar' 2>/dev/null | head -n 1 || true)
if [ ! -f "$CLASSES/org/continuum/platform/control/BackupManifest.class" ] || [ -z "$PG_JAR" ]; then
    echo "Build first: mvn -q install -DskipTests (or ./run.sh)" >&2
    exit 2
fi
URL=${CONTINUUM_DB_URL:-jdbc:postgresql://127.0.0.1:55433/continuum}
KEYS=${CONTINUUM_KEYS_DIR:-$ROOT/data-cluster/keys}
if [ -z "${CONTINUUM_DB_PASSWORD:-}" ] && [ -f "$ROOT/data-cluster/postgresql.password" ]; then
    CONTINUUM_DB_PASSWORD=$(cat "$ROOT/data-cluster/postgresql.password")
fi
export CONTINUUM_DB_PASSWORD
[ -f "$KEYS/field-aead.json" ] || { echo "No key folder at $KEYS (CONTINUUM_KEYS_DIR)" >&2; exit 2; }
PG_DUMP=$(ls -d /usr/lib/postgresql/*/bin/pg_dump 2>/dev/null | sort -V | tail -1 || true)
export PG_DUMP=${PG_DUMP:-pg_dump}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
java -cp "$CLASSES:$PG_JAR" org.continuum.platform.control.BackupManifest dump "$URL" \
    "${CONTINUUM_DB_USER:-continuum}" "$DB_OUT/$STAMP.dump" "$DB_OUT/$STAMP.manifest"
# The key folder as it is now: keysets (encrypted by the master key) and the master key's salt and check value.
tar -C "$KEYS" -cf "$KEYS_OUT/keys-$STAMP.tar" --exclude='*.next' --exclude='rotation.commit' .
echo "Keys: $KEYS_OUT/keys-$STAMP.tar ($(tar -tf "$KEYS_OUT/keys-$STAMP.tar" | grep -c -v '/$') files)"
echo "Restore and check: CONTINUUM_KEYS_PASSPHRASE=… tools/restore-check.sh $DB_OUT/$STAMP.dump $KEYS_OUT/keys-$STAMP.tar"
