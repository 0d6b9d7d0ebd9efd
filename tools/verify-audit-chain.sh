#!/usr/bin/env bash
# Verifies the audit chain offline: walks every audit row in chain order and names the first broken one (changed,
# deleted, inserted, reordered; with --head, rows cut off after that exported head). Exit code 0 = intact, 1 = broken.
#
#   tools/verify-audit-chain.sh                                   # the run.sh database (./data), server stopped
#   tools/verify-audit-chain.sh jdbc:h2:file:/backups/continuum   # a copy (H2 file path without .mv.db)
#   tools/verify-audit-chain.sh jdbc:h2:file:./data/db/continuum --head 1200:9f2c...
#   CONTINUUM_DB_PASSWORD=... CLASSPATH=/path/postgresql.jar tools/verify-audit-chain.sh jdbc:postgresql://db/continuum auditor
#
# Needs a build (./run.sh or mvn install) for the verifier class and the H2 driver of the provisioned server.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLASSES=$ROOT/ejb/target/classes
H2=$(find "$ROOT/ear/target/server/modules" -name 'h2*.jar' 2>/dev/null | head -n 1 || true)
if [ ! -f "$CLASSES/org/continuum/audit/control/AuditChainVerifier.class" ] || [ -z "$H2" ]; then
    echo "Build first: mvn -q install -DskipTests (or ./run.sh)" >&2
    exit 2
fi
URL=${1:-jdbc:h2:file:$ROOT/data/db/continuum}
[ $# -gt 0 ] && shift
if [[ "$URL" == jdbc:h2:* ]] && { [ $# -eq 0 ] || [ "${1:-}" = "--head" ]; }; then
    # The embedded H2 database of run.sh and the tests: its default account.
    set -- sa "$@"
    export CONTINUUM_DB_PASSWORD=${CONTINUUM_DB_PASSWORD:-sa}
fi
exec java -cp "$CLASSES:$H2${CLASSPATH:+:$CLASSPATH}" org.continuum.audit.control.AuditChainVerifier "$URL" "$@"
