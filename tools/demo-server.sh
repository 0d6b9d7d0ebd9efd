# Sourced by the benchmark scripts: starts run.sh on a data folder in the background and waits for its banner.
# Usage: start_demo_server DATA_FOLDER DB LOGFILE   (sets RUN to run.sh's PID and stops it when the script exits)
start_demo_server() {
    CONTINUUM_DB=$2 CONTINUUM_DATA_DIR=$1 setsid ./run.sh > "$3" 2>&1 &
    RUN=$!
    trap 'kill -TERM $RUN 2>/dev/null || true; wait $RUN 2>/dev/null || true' EXIT
    for _ in $(seq 1 600); do
        if grep -q 'Press Ctrl-C' "$3" 2>/dev/null; then return 0; fi
        if ! kill -0 $RUN 2>/dev/null; then echo "run.sh stopped; see $3" >&2; exit 1; fi
        sleep 0.5
    done
    echo "run.sh did not start within 5 minutes; see $3" >&2; exit 1
}
