// A partner authority's system as it would be written with a certified OAuth library: openid-client obtains a
// client-credentials token from the product's token service and fires a step on a consented Fall through the API.
// Prints one JSON object; the C# test asserts on it. Environment: KIM_URL, KIM_CLIENT, KIM_GEHEIMNIS, KIM_SCOPE,
// KIM_FALL, KIM_SPUR, KIM_TRIGGER, KIM_DATUM.
import * as client from 'openid-client';

const env = (n) => { const v = process.env[n]; if (!v) throw new Error(`${n} fehlt`); return v; };
const basis = new URL(env('KIM_URL'));
const ergebnis = {};
try {
  const config = await client.discovery(basis, env('KIM_CLIENT'), env('KIM_GEHEIMNIS'));
  const tokens = await client.clientCredentialsGrant(config, { scope: env('KIM_SCOPE') });
  ergebnis.tokenTyp = tokens.token_type;
  ergebnis.expiresIn = tokens.expires_in;
  ergebnis.accessToken = tokens.access_token;

  const fall = await client.fetchProtectedResource(config, tokens.access_token, new URL(`/api/faelle/${env('KIM_FALL')}`, basis), 'GET');
  ergebnis.lesenStatus = fall.status;
  const version = fall.status === 200 ? (await fall.json()).version : undefined;

  const body = JSON.stringify({ spur: env('KIM_SPUR'), trigger: env('KIM_TRIGGER'), fachlichesDatum: env('KIM_DATUM'), version });
  const schritt = await client.fetchProtectedResource(config, tokens.access_token, new URL(`/api/faelle/${env('KIM_FALL')}/schritte`, basis), 'POST', body, new Headers({ 'content-type': 'application/json' }));
  ergebnis.schrittStatus = schritt.status;
  ergebnis.schritt = await schritt.text();
} catch (e) {
  ergebnis.fehler = `${e.name}: ${e.message} ${e.error ?? ''} ${e.error_description ?? ''}`;
}

process.stdout.write(JSON.stringify(ergebnis));
