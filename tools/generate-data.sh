#!/usr/bin/env bash
# Fills a fresh demo data folder with N generated case files (default 100,000) through the application itself, then
# stops. Usage: tools/generate-data.sh [N] [h2|postgresql] [data-folder]
#   default folder: target/generated-<N>-<db> (kept for the benchmarks: tools/benchmark-p2.sh, -p4.sh, -p5.sh)
# It starts Continuum with run.sh (demo mode, the folder as its data folder, -Dcontinuum.demo.generate=N), follows the
# generator's progress in the server log (rate and ETA every ten seconds), prints its summary and its check, and
# stops the server. CONTINUUM_GENERATE_WORKERS sets the number of parallel writers (default: processors, at most 4).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DB=${2:-h2}
DIR=${3:-$PWD/target/generated-$N-$DB}
if [ -e "$DIR/db" ] || [ -e "$DIR/postgresql" ]; then
    echo "$DIR already holds a database; remove it or name another folder" >&2; exit 2
fi
mkdir -p "$DIR"
LOG=$DIR/generate.log
EXTRA=""
if [ -n "${CONTINUUM_GENERATE_WORKERS:-}" ]; then EXTRA="-Dcontinuum.demo.generate.workers=$CONTINUUM_GENERATE_WORKERS"; fi
echo "== Generating $N case files on $DB into $DIR"
CONTINUUM_DB=$DB CONTINUUM_DATA_DIR=$DIR CONTINUUM_DEMO_CASES=$N CONTINUUM_SERVER_OPTS="$EXTRA" setsid ./run.sh > "$LOG" 2>&1 &
RUN=$!
trap 'kill -TERM $RUN 2>/dev/null || true; wait $RUN 2>/dev/null || true' EXIT
SERVERLOG=$DIR/server/log/server.log
shown=0
while kill -0 $RUN 2>/dev/null; do
    if [ -f "$SERVERLOG" ]; then
        lines=$(grep -c 'Generator' "$SERVERLOG" || true)
        if [ "$lines" -gt "$shown" ]; then
            grep 'Generator' "$SERVERLOG" | tail -n +$((shown + 1)) | sed 's/.*\(Generator\)/\1/'
            shown=$lines
        fi
        if grep -q 'Generator check:\|Generator failed' "$SERVERLOG"; then break; fi
    fi
    sleep 5
done
grep -q 'Generator check:' "$SERVERLOG" || { echo "The generator did not finish; see $SERVERLOG and $LOG" >&2; exit 1; }
grep 'Generator check:' "$SERVERLOG" | grep -q ' 0 mismatches, 0 incidents' || { echo "The check failed" >&2; exit 1; }
if [ "$DB" = postgresql ]; then
    # As after any bulk load: the planner's statistics and the visibility map (the dashboard's counts read their
    # index alone only on pages vacuumed since their last change) are brought up to date before anyone measures.
    echo "== VACUUM (ANALYZE) after the bulk load"
    start=$(date +%s)
    tools/postgresql.sh vacuum "$DIR/postgresql" "${CONTINUUM_PG_PORT:-55432}" continuum
    echo "   done in $(( $(date +%s) - start )) s"
fi
echo "== Done: $DIR (start it again with: CONTINUUM_DB=$DB CONTINUUM_DATA_DIR=$DIR ./run.sh)"
