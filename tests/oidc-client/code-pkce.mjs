// openid-client (certified OpenID Connect relying party) completes authorization code + PKCE (S256) against the
// product: discovery, authorization request, sign-in on the product's own login page (password + TOTP code, as a
// browser would post it), code exchange, an API call with the access token, a refresh (rotation), and the reuse of the
// consumed refresh token (must fail). Prints one JSON object with what happened; the C# test asserts on it.
// Environment: KIM_URL, KIM_CLIENT, KIM_REDIRECT, KIM_SCOPE, KIM_BENUTZER, KIM_PASSWORT, KIM_CODE.
import * as client from 'openid-client';

const env = (n) => { const v = process.env[n]; if (!v) throw new Error(`${n} fehlt`); return v; };
const basis = new URL(env('KIM_URL'));
const redirect = env('KIM_REDIRECT');

const jar = new Map();
async function holen(url, init = {}) {
  const headers = new Headers(init.headers ?? {});
  if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
  const antwort = await fetch(url, { ...init, headers, redirect: 'manual' });
  for (const c of antwort.headers.getSetCookie()) {
    const [paar] = c.split(';');
    const i = paar.indexOf('=');
    const name = paar.slice(0, i).trim();
    const wert = paar.slice(i + 1);
    if (wert === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name); else jar.set(name, wert);
  }
  return antwort;
}

const ergebnis = {};
try {
  const config = await client.discovery(basis, env('KIM_CLIENT'), undefined, client.None());
  ergebnis.issuer = config.serverMetadata().issuer;
  const verifier = client.randomPKCECodeVerifier();
  const challenge = await client.calculatePKCECodeChallenge(verifier);
  const state = client.randomState();
  const auth = client.buildAuthorizationUrl(config, {
    redirect_uri: redirect, scope: env('KIM_SCOPE'), code_challenge: challenge, code_challenge_method: 'S256', state,
  });

  // Authorization request: not signed in → the product's login page.
  let antwort = await holen(auth);
  let ziel = new URL(antwort.headers.get('location'), basis);
  ergebnis.anmeldeseite = ziel.pathname;
  antwort = await holen(ziel);
  const html = await antwort.text();
  const token = /name="__kimaf" type="hidden" value="([^"]+)"/.exec(html)?.[1] ?? /name="__kimaf" value="([^"]+)"/.exec(html)?.[1];
  const zurueck = /name="Zurueck" value="([^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  const form = new URLSearchParams({ Benutzername: env('KIM_BENUTZER'), Passwort: env('KIM_PASSWORT'), Code: env('KIM_CODE'), Zurueck: zurueck ?? '', __kimaf: token ?? '' });
  antwort = await holen(ziel, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  ergebnis.anmeldungStatus = antwort.status;
  // Back to the authorization endpoint, which now redirects to the client with the code.
  for (let i = 0; i < 5 && antwort.status >= 300 && antwort.status < 400; i++) {
    ziel = new URL(antwort.headers.get('location'), basis);
    if (ziel.href.startsWith(redirect)) break;
    antwort = await holen(ziel);
  }

  ergebnis.rueckruf = ziel.href.startsWith(redirect);
  const tokens = await client.authorizationCodeGrant(config, ziel, { pkceCodeVerifier: verifier, expectedState: state });
  ergebnis.tokenTyp = tokens.token_type;
  ergebnis.hatRefreshToken = typeof tokens.refresh_token === 'string';
  ergebnis.hatIdToken = typeof tokens.id_token === 'string';
  ergebnis.sub = tokens.claims()?.sub;
  ergebnis.accessToken = tokens.access_token;

  const konto = await client.fetchProtectedResource(config, tokens.access_token, new URL('/api/konto', basis), 'GET');
  ergebnis.kontoStatus = konto.status;
  ergebnis.konto = konto.status === 200 ? await konto.json() : await konto.text();

  // Rotation: the refresh gives a new refresh token; the old one presented again must fail (reuse).
  const erneuert = await client.refreshTokenGrant(config, tokens.refresh_token);
  ergebnis.erneuertNeuesRefreshToken = typeof erneuert.refresh_token === 'string' && erneuert.refresh_token !== tokens.refresh_token;
  const nachErneuerung = await client.fetchProtectedResource(config, erneuert.access_token, new URL('/api/konto', basis), 'GET');
  ergebnis.nachErneuerungStatus = nachErneuerung.status;
  try {
    await client.refreshTokenGrant(config, tokens.refresh_token);
    ergebnis.wiederverwendung = 'angenommen';
  } catch (e) {
    ergebnis.wiederverwendung = e.error ?? e.code ?? String(e);
  }

  // Reuse revoked the family: the newest refresh token is dead too, and so is the session's access token.
  try {
    await client.refreshTokenGrant(config, erneuert.refresh_token);
    ergebnis.familie = 'gilt noch';
  } catch (e) {
    ergebnis.familie = e.error ?? e.code ?? String(e);
  }

  try {
    const danach = await client.fetchProtectedResource(config, erneuert.access_token, new URL('/api/konto', basis), 'GET');
    ergebnis.zugriffNachWiederverwendung = danach.status;
  } catch (e) {
    // openid-client reports a 401 with a WWW-Authenticate challenge as an error carrying the response.
    ergebnis.zugriffNachWiederverwendung = e.response?.status ?? e.status ?? String(e);
  }
} catch (e) {
  ergebnis.fehler = `${e.name}: ${e.message} ${e.error ?? ''} ${e.error_description ?? ''}`;
}

process.stdout.write(JSON.stringify(ergebnis));
