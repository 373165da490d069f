-- 0014: the token service (Duende IdentityServer, ADR 0010): its clients, API scopes and persisted grants in the
-- product's own tables (own stores, not Duende's EF schema). Users stay in `benutzer` (ASP.NET Core Identity).

-- Applications (authorization code + PKCE for people) and partner systems (client credentials for machines).
-- A partner system is bound to one Kommune (mandant) and one partner Behörde; its secret is stored as SHA-256 only
-- (high-entropy random, shown once). During a rotation the previous secret stays valid until `vorheriges_bis`.
CREATE TABLE tokendienst_clients (
  client_id               text        NOT NULL,
  art                     text        NOT NULL,
  anzeigename             text        NOT NULL,
  mandant                 text        NOT NULL,
  behoerde                text        NULL,
  scopes                  text[]      NOT NULL,
  redirect_uris           text[]      NOT NULL DEFAULT '{}',
  abmelde_uris            text[]      NOT NULL DEFAULT '{}',
  geheimnis_sha256        text        NULL,
  vorheriges_sha256       text        NULL,
  vorheriges_bis          timestamptz NULL,
  aktiv                   boolean     NOT NULL DEFAULT true,
  erstellt_am             timestamptz NOT NULL,
  erstellt_von            text        NOT NULL,
  geaendert_am            timestamptz NOT NULL,
  geaendert_von           text        NOT NULL,
  CONSTRAINT pk_tokendienst_clients PRIMARY KEY (client_id),
  CONSTRAINT ck_tokendienst_clients_id CHECK (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  CONSTRAINT ck_tokendienst_clients_art CHECK (art IN ('Anwendung', 'Partnersystem')),
  CONSTRAINT ck_tokendienst_clients_partner CHECK (
    art <> 'Partnersystem' OR (behoerde IN ('Auslaenderbehoerde', 'Jobcenter', 'Bildungsberatung') AND geheimnis_sha256 IS NOT NULL)),
  CONSTRAINT ck_tokendienst_clients_anwendung CHECK (art <> 'Anwendung' OR behoerde IS NULL),
  CONSTRAINT ck_tokendienst_clients_vorheriges CHECK ((vorheriges_sha256 IS NULL) = (vorheriges_bis IS NULL))
);

-- API scopes (resource `kim-api`): one per endpoint group for people's applications, and the partner systems' scopes
-- (reading consented Fälle; firing steps on one track). `nur_personen`: never granted to a machine client.
CREATE TABLE tokendienst_scopes (
  name          text    NOT NULL,
  anzeigename   text    NOT NULL,
  nur_personen  boolean NOT NULL,
  CONSTRAINT pk_tokendienst_scopes PRIMARY KEY (name)
);
INSERT INTO tokendienst_scopes (name, anzeigename, nur_personen) VALUES
  ('kim.faelle', 'Fälle (nach den Rechten der angemeldeten Person)', true),
  ('kim.konto', 'Eigenes Konto und Benachrichtigungen', true),
  ('kim.teamleitung', 'Teamleitung', true),
  ('kim.analysen', 'Analysen der Lenkungsgruppe', true),
  ('kim.datenschutz', 'Datenschutz-Arbeitsplatz', true),
  ('kim.admin', 'Administration', true),
  ('kim.partner.lesen', 'Partnersystem: freigegebene Fälle lesen', false),
  ('kim.partner.aufenthalt', 'Partnersystem: Schritte der Spur Aufenthalt', false),
  ('kim.partner.leistungen', 'Partnersystem: Schritte der Spur Leistungen', false),
  ('kim.partner.bildung', 'Partnersystem: Schritte der Spur Bildung', false);

-- Authorization codes, refresh tokens (one row per handle, consumed_time marks a rotated one) and the like, in
-- Duende's PersistedGrant shape; `data` is protected by Data Protection (keys in data_protection_keys).
CREATE TABLE tokendienst_grants (
  key            text        NOT NULL,
  type           text        NOT NULL,
  subject_id     text        NULL,
  session_id     text        NULL,
  client_id      text        NOT NULL,
  description    text        NULL,
  creation_time  timestamptz NOT NULL,
  expiration     timestamptz NULL,
  consumed_time  timestamptz NULL,
  data           text        NOT NULL,
  CONSTRAINT pk_tokendienst_grants PRIMARY KEY (key)
);
CREATE INDEX ix_tokendienst_grants_subject ON tokendienst_grants (subject_id, client_id, type);
CREATE INDEX ix_tokendienst_grants_session ON tokendienst_grants (session_id);
CREATE INDEX ix_tokendienst_grants_expiration ON tokendienst_grants (expiration);

REVOKE ALL ON tokendienst_clients, tokendienst_scopes, tokendienst_grants FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON tokendienst_clients TO kim_anwendung;
GRANT SELECT ON tokendienst_scopes TO kim_anwendung;
GRANT SELECT, INSERT, UPDATE, DELETE ON tokendienst_grants TO kim_anwendung;
