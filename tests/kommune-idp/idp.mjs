// A real OpenID provider (the npm package oidc-provider, a certified OpenID Connect implementation) standing in for the
// Kommune's identity provider (Keycloak, ADFS, Entra ID): the tests sign in through it in the browser, and
// scripts/sso-ausprobieren.sh starts it for a development trial. Not a product component; never for production.
//
// Environment:
//   KIM_IDP_HOST          host name in the issuer (default localhost); it listens on loopback only
//   KIM_IDP_PORT          port (default 0: a free one; the issuer is printed once listening)
//   KIM_IDP_ZERTIFIKAT,
//   KIM_IDP_SCHLUESSEL    PEM files of a server certificate and its key: HTTPS (as a real IdP); without them plain HTTP
//   KIM_IDP_CLIENT_ID, KIM_IDP_CLIENT_SECRET, KIM_IDP_REDIRECT (comma-separated redirect URIs of the relying party)
//   KIM_IDP_KONTEN        JSON file: [{ "login", "passwort", "sub", "name", "email", "groups": [], "amr": [], "acr" }]
//
// Prints one JSON line {"aussteller": "<issuer>"} on stdout once it listens. Ends when stdin closes (the test process
// that started it is gone), on SIGTERM and on SIGINT.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import Provider from 'oidc-provider';

const env = (n, standard) => {
  const v = process.env[n];
  if (v === undefined || v === '') {
    if (standard !== undefined) return standard;
    throw new Error(`${n} fehlt`);
  }
  return v;
};

// Read at every use, so that a test can change a person's groups or amr between two sign-ins.
const kontenDatei = env('KIM_IDP_KONTEN');
const konten = () => JSON.parse(fs.readFileSync(kontenDatei, 'utf8'));
const host = env('KIM_IDP_HOST', 'localhost');
const tls = process.env.KIM_IDP_ZERTIFIKAT
  ? { cert: fs.readFileSync(env('KIM_IDP_ZERTIFIKAT')), key: fs.readFileSync(env('KIM_IDP_SCHLUESSEL')) }
  : null;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function seite(res, status, titel, inhalt) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escape(titel)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escape(titel)}</h1>${inhalt}</main></body></html>`);
}

function formular(uid, fehler) {
  return `<p>Test-Identity-Provider der Kommune (oidc-provider). Nur für Tests und Entwicklung.</p>
${fehler ? `<p role="alert">${escape(fehler)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="login">Kennung</label> <input id="login" name="login" autocomplete="username" required></p>
  <p><label for="passwort">Kennwort</label> <input id="passwort" name="passwort" type="password" autocomplete="current-password" required></p>
  <button type="submit">Bei der Kommune anmelden</button>
</form>`;
}

async function formularDaten(req) {
  let text = '';
  for await (const teil of req) {
    text += teil;
    if (text.length > 10_000) throw new Error('Anfrage zu groß');
  }
  return new URLSearchParams(text);
}

let provider;

async function abschliessen(req, res, details, konto) {
  const grant = new provider.Grant({ accountId: konto.sub, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, {
    login: { accountId: konto.sub, amr: konto.amr ?? ['pwd'], acr: konto.acr, remember: false },
    consent: { grantId },
  }, { mergeWithLastSubmission: false });
}

async function interaktion(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'POST' && req.url.endsWith('/login')) {
    const daten = await formularDaten(req);
    const konto = konten().find((k) => k.login === daten.get('login') && k.passwort === daten.get('passwort'));
    if (!konto) {
      seite(res, 401, 'Anmeldung bei der Kommune', formular(details.uid, 'Kennung oder Kennwort falsch.'));
      return;
    }
    await abschliessen(req, res, details, konto);
    return;
  }
  if (details.prompt.name === 'consent' && details.session?.accountId) {
    const konto = konten().find((k) => k.sub === details.session.accountId);
    await abschliessen(req, res, details, konto);
    return;
  }
  seite(res, 200, 'Anmeldung bei der Kommune', formular(details.uid));
}

const behandeln = (req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaktion(req, res).catch((e) => {
      console.error(e);
      seite(res, 400, 'Fehler', `<p>${escape(e.message)}</p>`);
    });
    return;
  }
  provider.callback()(req, res);
};

const server = tls ? https.createServer(tls, behandeln) : http.createServer(behandeln);
await new Promise((ok) => server.listen(Number(env('KIM_IDP_PORT', '0')), '127.0.0.1', ok));
const port = server.address().port;
const aussteller = `${tls ? 'https' : 'http'}://${host}:${port}`;

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
provider = new Provider(aussteller, {
  clients: [{
    client_id: env('KIM_IDP_CLIENT_ID'),
    client_secret: env('KIM_IDP_CLIENT_SECRET'),
    redirect_uris: env('KIM_IDP_REDIRECT').split(','),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: {
    sid: null,
    iss: null,
    // How the person signed in (amr, acr) in every ID token, as Keycloak and Entra ID send them: the app decides about
    // its own TOTP step on them (oidc-provider otherwise includes them only when the claims parameter asks).
    openid: ['sub', 'amr', 'acr', 'auth_time'],
    profile: ['name'],
    email: ['email', 'email_verified'],
    groups: ['groups'],
  },
  // Groups, name and e-mail in the ID token, as Keycloak (with a group mapper) and Entra ID deliver them.
  conformIdTokenClaims: false,
  findAccount: async (_ctx, sub) => {
    const konto = konten().find((k) => k.sub === sub);
    if (!konto) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, name: konto.name, email: konto.email, email_verified: true, groups: konto.groups ?? [] }),
    };
  },
  interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: crypto.randomUUID() }] },
  acrValues: [...new Set(konten().map((k) => k.acr).filter(Boolean))],
});
provider.on('server_error', (_ctx, e) => console.error('server_error', e));

process.stdout.write(`${JSON.stringify({ aussteller })}\n`);

const ende = () => server.close(() => process.exit(0));
process.on('SIGTERM', ende);
process.on('SIGINT', ende);
if (process.env.KIM_IDP_STDIN_ENDE === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
