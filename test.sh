#!/usr/bin/env bash
# The whole test suite: unit, BPMN process, ArchUnit, SpotBugs/FindSecBugs, Arquillian on a provisioned WildFly,
# and browser tests in headless Chromium; then the integration tests that touch locking, sequences, the engine and the
# outbox again on PostgreSQL. Installs Debian's chromium, chromium-driver, chromium-headless-shell (the browser tests
# run in it: the same engine, less work per page) and postgresql when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
        || ! command -v chromium-headless-shell >/dev/null 2>&1; then
    echo "== Installing chromium, chromium-driver and chromium-headless-shell (Debian packages) for the browser tests"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver chromium-headless-shell >/dev/null
fi

# The second integration run on PostgreSQL 15: tools/with-postgresql.sh starts a private cluster in a temporary folder
# on a free port of 127.0.0.1 for the command and removes it afterwards (installing Debian's package when missing).
# CONTINUUM_TEST_POSTGRESQL=0 skips that run.
if [ "${CONTINUUM_TEST_POSTGRESQL:-1}" = 1 ]; then
    exec tools/with-postgresql.sh mvn -B --no-transfer-progress clean verify "$@"
fi
exec mvn -B --no-transfer-progress clean verify "$@"
