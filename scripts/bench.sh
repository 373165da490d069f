#!/usr/bin/env bash
# Runs the benchmark programs (QUALITY.md): builds the app and the benchmarks in Release, installs the Node client,
# then runs "alle" or the one named. Each benchmark starts its own PostgreSQL cluster (temp folder) and the app as a
# separate process on loopback, prints its figures with the targets, stores raw figures in artifacts/bench/, and
# exits non-zero when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v initdb >/dev/null || { echo "PostgreSQL-Programme (initdb, pg_ctl) fehlen im PATH." >&2; exit 1; }
dotnet build src/Kim.Casemanagement.Web -c Release -nologo -v quiet
dotnet build bench/Kim.Casemanagement.Benchmarks -c Release -nologo -v quiet
(cd tests/signalr-client && npm ci --no-audit --no-fund --silent)
exec dotnet bench/Kim.Casemanagement.Benchmarks/bin/Release/net10.0/Kim.Casemanagement.Benchmarks.dll "${@:-alle}"
