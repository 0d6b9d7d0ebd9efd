#!/usr/bin/env bash
# P5: server start with the application deployed, on a data folder as it is (run.sh's build, then WildFly with the
# folder's database). Usage: tools/benchmark-p5.sh DATA_FOLDER [h2|postgresql]
#   e.g. tools/benchmark-p5.sh target/generated-100000-h2 h2   (a folder of tools/generate-data.sh)
#        tools/benchmark-p5.sh /tmp/empty-folder h2            (an empty folder: migrations, demo seed, 200 cases)
# Prints WildFly's own "started in" figure (boot, migrations, engine, deployment), then stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(mkdir -p "$1" && cd "$1" && pwd)
DB=${2:-h2}
CASES=${CONTINUUM_DEMO_CASES:-200}
export CONTINUUM_DEMO_CASES=$CASES
. tools/demo-server.sh
start_demo_server "$DIR" "$DB" "$DIR/p5.log"
CASEFILES=$(grep -h 'Generator' "$DIR/server/log/server.log" | tail -1 | sed 's/.*Generator: //')
STARTED=$(grep -h 'WFLYSRV0025' "$DIR/server/log/server.log" | tail -1 | sed 's/.*started in \([0-9]*\)ms.*/\1/')
ENGINE=$(grep -h 'Workflow engine started in' "$DIR/server/log/server.log" | tail -1 | sed 's/.*started in \([0-9]*\) ms.*/\1/')
echo "P5 on $DB: WildFly with Continuum deployed started in $STARTED ms (migrations, engine and seed check: $ENGINE ms); $CASEFILES"
