#!/usr/bin/env bash
# The whole test suite: unit, BPMN process, ArchUnit, SpotBugs/FindSecBugs, Arquillian on a provisioned WildFly,
# and browser tests in headless Chromium. Installs Debian's chromium and chromium-driver when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "== Installing chromium and chromium-driver (Debian packages) for the browser tests"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exec mvn -B --no-transfer-progress clean verify "$@"
