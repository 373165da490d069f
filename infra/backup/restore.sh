#!/usr/bin/env bash
# Restore a backup made by backup.sh into an EMPTY database owned by the owner role. The application role's
# privileges come from the migration scripts' GRANTs, which the dump contains.
# Usage: restore.sh <libpq connection string of the owner role, empty database> <dump file>
set -euo pipefail
conn="${1:?connection string}"
dump="${2:?dump file}"
pg_restore --exit-on-error --no-owner --dbname="$conn" "$dump"
echo "Restored $dump"
