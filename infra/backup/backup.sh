#!/usr/bin/env bash
# Backup of the Kim.Casemanagement database in PostgreSQL's custom format (compressed, restorable per table).
# Tested by hand against the embedded cluster:
#   infra/backup/backup.sh "host=$PWD/src/Kim.Casemanagement.Web/.kim-data/run dbname=kim user=kim_owner" /tmp/kim.dump
# Usage: backup.sh <libpq connection string of the owner role> <target file>
set -euo pipefail
conn="${1:?connection string}"
target="${2:?target file}"
pg_dump --format=custom --no-owner --file="$target" "$conn"
pg_restore --list "$target" > /dev/null   # the archive is readable
echo "Backup written: $target ($(du -h "$target" | cut -f1))"
