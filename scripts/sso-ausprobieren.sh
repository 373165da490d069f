#!/usr/bin/env bash
# Try the sign-in through the Kommune's identity provider in Development (README, "Anmeldung über den Identity
# Provider der Kommune"): starts the test IdP of tests/kommune-idp (the npm package oidc-provider, a real OpenID
# provider; never for production) on http://localhost:5100 and the app on http://localhost:5000 configured for it.
# The README's normal run command needs none of this. Ctrl+C ends both.
#
# Accounts at the test IdP (password for all: Kennwort-der-Kommune):
#   sso.nord      group KIM-Fallmanagement-Nord, amr pwd+mfa  -> Fallmanagement, Team Nord, no local code
#   sso.ohnemfa   group KIM-Fallmanagement-Nord, amr pwd      -> Fallmanagement, TOTP enrolment / local code step
#   sso.lenkung   group KIM-Lenkungsgruppe,      amr pwd      -> Lenkungsgruppe (no second factor required)
#   sso.kantine   group Kantine (not mapped)                  -> refused
set -euo pipefail
cd "$(dirname "$0")/.."

idp_port="${KIM_IDP_PORT:-5100}"
app_url="${KIM_APP_URL:-http://localhost:5000}"

[ -f tests/kommune-idp/node_modules/oidc-provider/package.json ] \
  || (cd tests/kommune-idp && npm ci --no-audit --no-fund --loglevel=error)

ordner="$(mktemp -d)"
cat > "$ordner/konten.json" <<'JSON'
[
  { "login": "sso.nord", "passwort": "Kennwort-der-Kommune", "sub": "demo-0001", "name": "Nora Nord (SSO)",
    "email": "nora.nord@kreis-beispiel.invalid", "groups": ["KIM-Fallmanagement-Nord"], "amr": ["pwd", "mfa"] },
  { "login": "sso.ohnemfa", "passwort": "Kennwort-der-Kommune", "sub": "demo-0002", "name": "Olaf Ohne (SSO)",
    "email": "olaf.ohne@kreis-beispiel.invalid", "groups": ["KIM-Fallmanagement-Nord"], "amr": ["pwd"] },
  { "login": "sso.lenkung", "passwort": "Kennwort-der-Kommune", "sub": "demo-0003", "name": "Lea Lenkung (SSO)",
    "email": "lea.lenkung@kreis-beispiel.invalid", "groups": ["KIM-Lenkungsgruppe"], "amr": ["pwd"] },
  { "login": "sso.kantine", "passwort": "Kennwort-der-Kommune", "sub": "demo-0004", "name": "Karl Kantine (SSO)",
    "email": "karl.kantine@kreis-beispiel.invalid", "groups": ["Kantine"], "amr": ["pwd", "mfa"] }
]
JSON

idp_pid=""
ende() {
  [ -n "$idp_pid" ] && kill "$idp_pid" 2>/dev/null || true
  rm -rf "$ordner"
}
trap ende EXIT

KIM_IDP_HOST=localhost KIM_IDP_PORT="$idp_port" KIM_IDP_KONTEN="$ordner/konten.json" \
KIM_IDP_CLIENT_ID=kim-casemanagement KIM_IDP_CLIENT_SECRET=kim-sso-nur-lokal \
KIM_IDP_REDIRECT="$app_url/signin-kommune,${app_url/localhost/127.0.0.1}/signin-kommune" \
  node tests/kommune-idp/idp.mjs &
idp_pid=$!
echo "Test-IdP: http://localhost:$idp_port (Kennwort für alle: Kennwort-der-Kommune)"

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$app_url" \
Anmeldung__KommuneIdp__Authority="http://localhost:$idp_port" \
Anmeldung__KommuneIdp__HttpsPflicht=false \
Anmeldung__KommuneIdp__ClientId=kim-casemanagement \
Anmeldung__KommuneIdp__ClientSecret=kim-sso-nur-lokal \
Anmeldung__KommuneIdp__Anzeigename="Kreis Beispiel (Test-IdP)" \
Anmeldung__KommuneIdp__Scopes__0=profile \
Anmeldung__KommuneIdp__Scopes__1=email \
Anmeldung__KommuneIdp__Scopes__2=groups \
Anmeldung__KommuneIdp__Gruppen__0__Gruppe=KIM-Fallmanagement-Nord \
Anmeldung__KommuneIdp__Gruppen__0__Rollen__0=Fallmanagement \
Anmeldung__KommuneIdp__Gruppen__0__Team="Team Nord" \
Anmeldung__KommuneIdp__Gruppen__1__Gruppe=KIM-Lenkungsgruppe \
Anmeldung__KommuneIdp__Gruppen__1__Rollen__0=Lenkungsgruppe \
  dotnet run --project src/Kim.Casemanagement.Web
