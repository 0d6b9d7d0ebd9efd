#!/usr/bin/env bash
# P2 and P4 on a generated data folder (tools/generate-data.sh), through the real pages of a running server.
# Usage: tools/benchmark-p2-p4.sh DATA_FOLDER [h2|postgresql] [users] [seconds]
#   P2: tools/bench/StaffLoad.java pages with 50 users (default) for 180 s (default) after their logins, twice on
#       the same server: the first pass right after the start, while the JVM still compiles the pages' code and the
#       caches fill (on 2 cores the compiler takes a large share of the CPU then), the second pass in the steady state
#       a server reaches after a few minutes of use; each pass prints the CPU time the server spent on it;
#   P4: tools/bench/StaffLoad.java export (the auditor's cases CSV, then the XLSX of everything) while the server
#       logs its collections: the growth is the most heap left after a collection during the exports minus the use
#       after a full GC just before them (what the exports hold); jstat's highest use, uncollected garbage included,
#       is printed too. The server runs with WildFly's production heap (-Xmx512m, standalone.conf), or
#       the one JBOSS_JAVA_SIZING gives (e.g. JBOSS_JAVA_SIZING="-Xms64m -Xmx256m"); the line says which.
# Figures are printed and kept in DATA_FOLDER/benchmarks-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(cd "$1" && pwd)
DB=${2:-h2}
USERS=${3:-50}
SECONDS_MEASURED=${4:-180}
OUT=$DIR/benchmarks-$(date -u +%Y%m%dT%H%M).txt
. tools/demo-server.sh
start_demo_server "$DIR" "$DB" "$DIR/bench-run.log"
PID=$(cat "$DIR/server.pid")
BASE=http://127.0.0.1:8080/continuum
{
    echo "== $(date -u +%F) on $DB, $(grep -c processor /proc/cpuinfo) processors, data folder $DIR"
    for PASS in "first pass, the server just started" "second pass, the same server in its steady state"; do
        echo "== P2, $PASS"
        CPU_BEFORE=$(awk '{print $14+$15}' "/proc/$PID/stat")
        java tools/bench/StaffLoad.java pages "$BASE" "$USERS" "$SECONDS_MEASURED"
        CPU_AFTER=$(awk '{print $14+$15}' "/proc/$PID/stat")
        echo "P2 server CPU during the pass, logins included: $(( (CPU_AFTER - CPU_BEFORE) / $(getconf CLK_TCK) )) s"
    done
    jcmd "$PID" GC.run > /dev/null
    BEFORE=$(jstat -gc "$PID" | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)/1024}')
    jstat -gc "$PID" 200 > "$DIR/p4-heap.txt" &
    JSTAT=$!
    # What each collection leaves during the exports is what they hold; the peak also counts garbage not yet collected.
    rm -f "$DIR/p4-gc.log"
    jcmd "$PID" VM.log output="file=$DIR/p4-gc.log" what=gc=info > /dev/null
    java tools/bench/StaffLoad.java export "$BASE"
    kill $JSTAT 2>/dev/null || true
    PEAK=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "%.0f", m}' "$DIR/p4-heap.txt")
    # Young and full collections only: a concurrent cycle's remark and cleanup pauses free nothing young.
    KEPT=$(grep -E 'Pause (Young|Full)' "$DIR/p4-gc.log" | grep -o -- '->[0-9]*M' | tr -dc '0-9\n' | sort -n | tail -1)
    MAX=$(jcmd "$PID" VM.flags | grep -o -- '-XX:MaxHeapSize=[0-9]*' | awk -F= '{printf "%.0f", $2/1048576}')
    echo "P4 heap: $BEFORE MB after a full GC before the exports; during them at most $((${KEPT:-0})) MB left after a collection ($(grep -cE 'Pause (Young|Full)' "$DIR/p4-gc.log") collections): growth $((${KEPT:-0} - BEFORE)) MB; highest use counting uncollected garbage $PEAK MB (heap limit $MAX MB)"
} 2>&1 | tee "$OUT"
