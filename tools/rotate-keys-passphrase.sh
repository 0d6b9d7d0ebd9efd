#!/usr/bin/env bash
# Changes the passphrase of a key folder: the same field and index keys, encrypted under a new master key (a new
# salt). Sealed data is not touched, and a running server goes on (it reads the folder only when it starts); give it
# the new passphrase before its next start. The new files are written aside and committed by one mark: a crash is
# finished, or forgotten, by the next start of the server.
#
#   CONTINUUM_KEYS_PASSPHRASE=<current> CONTINUUM_KEYS_NEW_PASSPHRASE=<new> tools/rotate-keys-passphrase.sh /srv/continuum/keys
#   (no argument: the run.sh key folder, ./data/keys; its demo passphrase is in ./data/demo-keys-passphrase)
#
# The passphrases come from the environment only, never from arguments (ps shows those). Backups of the old folder
# still open with the old passphrase: replace them. Needs a build (./run.sh or mvn install -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLASSES=$ROOT/ejb/target/classes
LIB=$ROOT/ear/target/continuum/lib
if [ ! -f "$CLASSES/org/continuum/security/control/MasterKeyRotation.class" ] || [ ! -f "$LIB/tink.jar" ]; then
    echo "Build first: mvn -q install -DskipTests (or ./run.sh)" >&2
    exit 2
fi
KEYS=${1:-$ROOT/data/keys}
exec java -cp "$CLASSES:$LIB/tink.jar:$LIB/protobuf-java.jar:$LIB/gson.jar" \
    org.continuum.security.control.MasterKeyRotation "$KEYS"
