#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: real PostgreSQL (started by the tests themselves in
# temp folders), real HTTP, and (once browser tests exist) the system Chromium, installed here.
# Fails when any test fails or is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== Werkzeuge"
dotnet --version
command -v initdb >/dev/null || { echo "PostgreSQL-Programme (initdb, pg_ctl) fehlen im PATH." >&2; exit 1; }
initdb --version

# Debian packages the tests start: chromium (browser tests, Playwright uses the system Chromium, no download), nginx
# (the shipped site file in front of two instances, infra/nginx), systemd-analyze (the shipped unit, infra/systemd).
fehlend=()
command -v chromium >/dev/null || fehlend+=(chromium)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || fehlend+=(nginx-light)
command -v systemd-analyze >/dev/null || fehlend+=(systemd)
echo "== Debian-Pakete für die Tests: chromium, nginx-light, systemd${fehlend[*]:+ (fehlend: ${fehlend[*]})}"
if [ "${#fehlend[@]}" -gt 0 ]; then
  als_root=()
  [ "$(id -u)" -eq 0 ] || als_root=(sudo)
  "${als_root[@]}" apt-get update -qq
  # The tests start their own nginx (own prefix folder, free loopback ports); the package's service is not used.
  "${als_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${fehlend[@]}" >/dev/null
fi
chromium --version 2>/dev/null | head -1 || true
/usr/sbin/nginx -v 2>&1 || true
systemd-analyze --version 2>/dev/null | head -1 || true

echo "== npm-Pakete für die Tests (offizieller SignalR-Client)"
(cd tests/signalr-client && npm ci --no-audit --no-fund --loglevel=error)
echo "== npm-Pakete für die Tests (openid-client gegen den Tokendienst)"
(cd tests/oidc-client && npm ci --no-audit --no-fund --loglevel=error)
echo "== npm-Pakete für die Tests (oidc-provider als Identity Provider der Kommune)"
(cd tests/kommune-idp && npm ci --no-audit --no-fund --loglevel=error)

echo "== Build (Warnungen sind Fehler)"
dotnet build Kim.Casemanagement.sln -c Release -nologo

echo "== Tests"
status=0
dotnet test Kim.Casemanagement.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

skipped=$(grep -ho 'outcome="NotExecuted"' "$results"/*.trx 2>/dev/null | wc -l || true)
total=$(grep -ho '<UnitTestResult ' "$results"/*.trx 2>/dev/null | wc -l || true)
echo "== Ergebnis: $total Tests, davon übersprungen: $skipped, Exit-Code dotnet test: $status"
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$skipped" -ne 0 ]; then
  echo "Übersprungene Tests sind nicht erlaubt:" >&2
  grep -h -B0 'outcome="NotExecuted"' "$results"/*.trx | sed -n 's/.*testName="\([^"]*\)".*/  \1/p' >&2
  exit 1
fi
