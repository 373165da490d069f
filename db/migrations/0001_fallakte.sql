-- 0001: the case file (Fall) with its client, tracks, consents, goals, follow-ups, referrals and event log.
-- Owner: the migrator role. The application logs in with a role that is a member of kim_anwendung.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_anwendung') THEN
    CREATE ROLE kim_anwendung NOLOGIN;
  END IF;
END
$$;

-- Trigram search over names and file numbers (trusted extension since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE aktenzeichen_seq AS bigint START 1;

CREATE TABLE klienten (
  id                      uuid        PRIMARY KEY,
  mandant                 text        NOT NULL,
  vorname                 text        NOT NULL,
  nachname                text        NOT NULL,
  geburtsdatum            date        NOT NULL,
  geschlecht              text        NOT NULL,
  herkunftsland           text        NOT NULL,
  einreisedatum           date        NULL,
  haushalt_id             uuid        NULL,
  minderjaehrige_kinder   integer     NOT NULL,
  erstellt_am             timestamptz NOT NULL
);
CREATE INDEX ix_klienten_haushalt_id ON klienten (haushalt_id);
CREATE INDEX ix_klienten_name_trgm ON klienten USING gin ((vorname || ' ' || nachname) gin_trgm_ops);

CREATE TABLE faelle (
  id                                  uuid        PRIMARY KEY,
  mandant                             text        NOT NULL,
  aktenzeichen                        text        NOT NULL,
  klient_id                           uuid        NOT NULL REFERENCES klienten (id),
  fallmanager_id                      text        NULL,
  team_id                             uuid        NULL,
  aufgenommen_am                      date        NOT NULL,
  erstellt_am                         timestamptz NOT NULL,
  geaendert_am                        timestamptz NOT NULL,
  version                             integer     NOT NULL,
  ereignis_anzahl                     integer     NOT NULL,
  art13_informiert_am                 date        NULL,
  letzter_kontakt_am                  date        NULL,
  prozess_zustand                     text        NOT NULL,
  prozess_seit                        date        NOT NULL,
  prozess_phase_vor_ruhen             text        NULL,
  prozess_abschlussgrund              text        NULL,
  prozess_abbruchgrund                text        NULL,
  aufenthalt_zustand                  text        NOT NULL,
  aufenthalt_seit                     date        NOT NULL,
  aufenthalt_rechtmaessig_seit        date        NULL,
  aufenthalt_geduldet_seit            date        NULL,
  aufenthalt_schutzform               text        NULL,
  aufenthalt_titel_art                text        NULL,
  aufenthalt_rechtsgrundlage          text        NULL,
  aufenthalt_titel_gueltig_ab         date        NULL,
  aufenthalt_gueltig_bis              date        NULL,
  aufenthalt_nebenbestimmungen        text        NULL,
  aufenthalt_wohnsitzauflage          boolean     NOT NULL,
  aufenthalt_erste_p24_erteilung_am   date        NULL,
  aufenthalt_chancen_seit             date        NULL,
  leistungen_zustand                  text        NOT NULL,
  leistungen_seit                     date        NOT NULL,
  leistungen_kooperationsplan_am      date        NULL,
  leistungen_massnahme                text        NULL,
  leistungen_beschaeftigt_seit        date        NULL,
  leistungen_wochenstunden            integer     NULL,
  bildung_zustand                     text        NOT NULL,
  bildung_seit                        date        NOT NULL,
  bildung_ik_art                      text        NULL,
  bildung_ik_wiederholungen           integer     NOT NULL,
  bildung_ik_abgeschlossen            boolean     NOT NULL,
  bildung_massnahmebezeichnung        text        NULL,
  kompetenzprofil                     jsonb       NOT NULL,
  CONSTRAINT ck_faelle_version_positiv CHECK (version > 0)
);
CREATE UNIQUE INDEX ux_faelle_aktenzeichen ON faelle (aktenzeichen);
CREATE INDEX ix_faelle_klient_id ON faelle (klient_id);
CREATE INDEX ix_faelle_fallmanager_id ON faelle (fallmanager_id);
CREATE INDEX ix_faelle_team_id ON faelle (team_id);
CREATE INDEX ix_faelle_mandant_prozess_zustand ON faelle (mandant, prozess_zustand);

CREATE TABLE einwilligungen (
  id                  uuid        PRIMARY KEY,
  fall_id             uuid        NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  empfaenger          text        NOT NULL,
  datenkategorien     integer     NOT NULL,
  zweck               text        NOT NULL,
  gueltig_ab          date        NOT NULL,
  gueltig_bis         date        NULL,
  formular_referenz   text        NOT NULL,
  erfasst_am          timestamptz NOT NULL,
  erfasst_von         text        NOT NULL,
  widerrufen_am       timestamptz NULL,
  widerrufen_von      text        NULL,
  CONSTRAINT ck_einwilligungen_zeitraum CHECK (gueltig_bis IS NULL OR gueltig_bis >= gueltig_ab),
  CONSTRAINT ck_einwilligungen_kategorien CHECK (datenkategorien > 0)
);
CREATE INDEX ix_einwilligungen_fall_id ON einwilligungen (fall_id);
CREATE INDEX ix_einwilligungen_empfaenger ON einwilligungen (empfaenger, fall_id);

CREATE TABLE ziele (
  id              uuid    PRIMARY KEY,
  fall_id         uuid    NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  was             text    NOT NULL,
  bis_wann        date    NOT NULL,
  wer             text    NOT NULL,
  messgroesse     text    NULL,
  vereinbart_am   date    NOT NULL,
  bewertung       text    NULL,
  bewertet_am     date    NULL
);
CREATE INDEX ix_ziele_fall_id ON ziele (fall_id);

CREATE TABLE wiedervorlagen (
  id              uuid        PRIMARY KEY,
  fall_id         uuid        NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  faellig         date        NOT NULL,
  betreff         text        NOT NULL,
  art             text        NOT NULL,
  schluessel      text        NULL,
  zustaendig_id   text        NULL,
  erstellt_am     timestamptz NOT NULL,
  erledigt_am     timestamptz NULL,
  erledigt_von    text        NULL
);
CREATE INDEX ix_wiedervorlagen_fall_id ON wiedervorlagen (fall_id);
CREATE UNIQUE INDEX ux_wiedervorlagen_fall_id_schluessel ON wiedervorlagen (fall_id, schluessel) WHERE schluessel IS NOT NULL;
CREATE INDEX ix_wiedervorlagen_offen_faellig ON wiedervorlagen (faellig) WHERE erledigt_am IS NULL;

CREATE TABLE vertretungen (
  id              uuid    PRIMARY KEY,
  fall_id         uuid    NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  benutzer_id     text    NOT NULL,
  von             date    NOT NULL,
  bis             date    NOT NULL,
  CONSTRAINT ck_vertretungen_zeitraum CHECK (bis >= von)
);
CREATE INDEX ix_vertretungen_fall_id ON vertretungen (fall_id);
CREATE INDEX ix_vertretungen_benutzer_id ON vertretungen (benutzer_id);

CREATE TABLE ueberleitungen (
  id              uuid        PRIMARY KEY,
  fall_id         uuid        NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  empfaenger      text        NOT NULL,
  anliegen        text        NOT NULL,
  zustand         text        NOT NULL,
  seit            date        NOT NULL,
  erstellt_am     timestamptz NOT NULL,
  erstellt_von    text        NOT NULL
);
CREATE INDEX ix_ueberleitungen_fall_id ON ueberleitungen (fall_id);
CREATE INDEX ix_ueberleitungen_empfaenger_zustand ON ueberleitungen (empfaenger, zustand);

CREATE TABLE notizen (
  id              uuid        PRIMARY KEY,
  fall_id         uuid        NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  text            text        NOT NULL,
  verfasst_von    text        NOT NULL,
  verfasst_am     timestamptz NOT NULL
);
CREATE INDEX ix_notizen_fall_id_verfasst_am ON notizen (fall_id, verfasst_am);

CREATE TABLE kompetenzprofil_uebergaben (
  id                uuid        PRIMARY KEY,
  fall_id           uuid        NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  empfaenger        text        NOT NULL,
  anlass            text        NOT NULL,
  fachliches_datum  date        NOT NULL,
  profil            jsonb       NOT NULL,
  erstellt_am       timestamptz NOT NULL
);
CREATE INDEX ix_kompetenzprofil_uebergaben_fall_id ON kompetenzprofil_uebergaben (fall_id);

-- The event log. Immutable: the application role may only INSERT and SELECT.
CREATE TABLE fall_ereignisse (
  id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fall_id           uuid        NOT NULL REFERENCES faelle (id),
  nr                integer     NOT NULL,
  spur              text        NOT NULL,
  ueberleitung_id   uuid        NULL,
  trigger           text        NOT NULL,
  von_zustand       text        NULL,
  nach_zustand      text        NOT NULL,
  fachliches_datum  date        NOT NULL,
  erfasst_am        timestamptz NOT NULL,
  akteur            text        NOT NULL,
  notiz             text        NULL,
  parameter         jsonb       NOT NULL,
  ausgeloest_durch  integer     NULL
);
CREATE UNIQUE INDEX ux_fall_ereignisse_fall_id_nr ON fall_ereignisse (fall_id, nr);
CREATE INDEX ix_fall_ereignisse_spur_fachliches_datum ON fall_ereignisse (spur, fachliches_datum);

-- Privileges for the application role.
GRANT USAGE ON SCHEMA public TO kim_anwendung;
GRANT SELECT, INSERT, UPDATE, DELETE ON klienten, faelle, einwilligungen, ziele, wiedervorlagen, vertretungen, ueberleitungen TO kim_anwendung;
GRANT SELECT, INSERT ON notizen, kompetenzprofil_uebergaben, fall_ereignisse TO kim_anwendung;
GRANT USAGE, SELECT ON SEQUENCE aktenzeichen_seq TO kim_anwendung;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kim_anwendung;
