-- 0017: decisions of the Lenkungsgruppe (issue 19, docs/adr/0011-lenkungsgruppe-seiten-und-prozesslandkarte.md): what
-- was decided, for which authority, from which day, optionally for which categories of generative Themen. The board
-- compares the Fälle taken in before and after the day (aggregates under the analyses' suppression). No Fall, no client,
-- no account: who recorded a decision is in the audit log ("Entscheidung.Erfassen").
CREATE TABLE lenkungsgruppe_entscheidungen (
  id          uuid        PRIMARY KEY,
  mandant     text        NOT NULL,
  titel       text        NOT NULL,
  behoerde    text        NOT NULL,
  gilt_ab     date        NOT NULL,
  themen      text[]      NOT NULL DEFAULT '{}',
  erfasst_am  timestamptz NOT NULL,
  CONSTRAINT ck_entscheidungen_titel_laenge CHECK (char_length(titel) BETWEEN 1 AND 300),
  CONSTRAINT ck_entscheidungen_behoerde CHECK (behoerde IN ('Auslaenderbehoerde', 'Jobcenter', 'Bildungsberatung', 'Fallmanagement')),
  CONSTRAINT ck_entscheidungen_themen CHECK (themen <@ ARRAY['WartezeitIntegrationskurs', 'Wohnsitzauflage', 'AnerkennungDauert', 'SchnittstelleJobcenter', 'KinderbetreuungFehlt', 'Sonstiges']::text[])
);

CREATE INDEX ix_lenkungsgruppe_entscheidungen_mandant_gilt_ab ON lenkungsgruppe_entscheidungen (mandant, gilt_ab DESC);

REVOKE ALL ON lenkungsgruppe_entscheidungen FROM PUBLIC;
GRANT SELECT, INSERT ON lenkungsgruppe_entscheidungen TO kim_anwendung;
