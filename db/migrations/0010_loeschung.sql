-- 0010: the lifecycle of a Fall's personal data (docs/loeschkonzept.md, docs/adr/0007-loeschung-und-anonymisierung.md).
-- Part 1: anonymised Fälle. A Fall past its retention period is kept for the Lenkungsgruppe's figures under a new random
-- id without its client: klient_id is NULL, the client row is gone, and what the analyses need of the client is kept
-- coarsened on the Fall (age in whole years at intake, entry date). Part 2: holds (Sperrung). Part 3: the erasure
-- record (Löschprotokoll). Part 4: the one function through which the immutable event log of a Fall moves to its
-- anonymised row.

-- Part 1 -------------------------------------------------------------------------------------------------------------
ALTER TABLE faelle ALTER COLUMN klient_id DROP NOT NULL;
ALTER TABLE faelle ADD COLUMN anonymisiert_am date NULL;
ALTER TABLE faelle ADD COLUMN anonym_alter_bei_aufnahme integer NULL;
ALTER TABLE faelle ADD COLUMN anonym_einreisedatum date NULL;
-- A Fall either has its client or is anonymised; only an anonymised Fall keeps the coarsened client attributes.
ALTER TABLE faelle ADD CONSTRAINT ck_faelle_anonymisiert CHECK ((anonymisiert_am IS NULL) = (klient_id IS NOT NULL));
ALTER TABLE faelle ADD CONSTRAINT ck_faelle_anonym_merkmale
  CHECK (anonymisiert_am IS NOT NULL OR (anonym_alter_bei_aufnahme IS NULL AND anonym_einreisedatum IS NULL));

-- The erasure deletes the notices and idempotency records that name a Fall.
CREATE INDEX ix_benachrichtigungen_fall_id ON benachrichtigungen (fall_id) WHERE fall_id IS NOT NULL;
CREATE INDEX ix_idempotenz_fall_id ON idempotenz (fall_id) WHERE fall_id IS NOT NULL;

-- Part 2 -------------------------------------------------------------------------------------------------------------
-- A hold (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X) set by the Datenschutz role: the Fall is not erased, is read-only
-- and is hidden from normal lists while a hold is active (not lifted and its end date, if any, not passed). Lifted holds
-- stay as history until the Fall itself is erased. At most one active (not lifted) hold per Fall.
CREATE TABLE fall_sperren (
  id               uuid        PRIMARY KEY,
  fall_id          uuid        NOT NULL REFERENCES faelle (id) ON DELETE CASCADE,
  mandant          text        NOT NULL,
  grund            text        NOT NULL,
  bis              date        NULL,
  gesetzt_am       timestamptz NOT NULL,
  gesetzt_von      text        NOT NULL,
  aufgehoben_am    timestamptz NULL,
  aufgehoben_von   text        NULL,
  aufhebungsgrund  text        NULL,
  CONSTRAINT ck_fall_sperren_grund CHECK (length(btrim(grund)) > 0),
  CONSTRAINT ck_fall_sperren_aufhebung CHECK ((aufgehoben_am IS NULL) = (aufgehoben_von IS NULL))
);
CREATE INDEX ix_fall_sperren_fall_id ON fall_sperren (fall_id);
CREATE UNIQUE INDEX ux_fall_sperren_fall_id_aktiv ON fall_sperren (fall_id) WHERE aufgehoben_am IS NULL;

-- Part 3 -------------------------------------------------------------------------------------------------------------
-- One row per run and tenant of the erasure job: dates and counts only, never an id or a value of an erased Fall. The
-- counts grow in the transaction of each erased Fall, so a run killed midway records exactly what it completed.
-- anlass: 'Frist' (the period ran out) or 'Antrag' (one Fall erased on request, Art. 17 DSGVO).
CREATE TABLE loeschlaeufe (
  id                  uuid        PRIMARY KEY,
  mandant             text        NOT NULL,
  anlass              text        NOT NULL DEFAULT 'Frist',
  probelauf           boolean     NOT NULL,
  stichtag            date        NOT NULL,
  gestartet_am        timestamptz NOT NULL,
  beendet_am          timestamptz NULL,
  faellig             integer     NOT NULL,
  gesperrt            integer     NOT NULL,
  anonymisiert        integer     NOT NULL,
  klienten_geloescht  integer     NOT NULL,
  zeilen_geloescht    jsonb       NOT NULL,
  CONSTRAINT ck_loeschlaeufe_anlass CHECK (anlass IN ('Frist', 'Antrag')),
  CONSTRAINT ck_loeschlaeufe_zaehler CHECK (faellig >= 0 AND gesperrt >= 0 AND anonymisiert >= 0 AND klienten_geloescht >= 0)
);
CREATE INDEX ix_loeschlaeufe_mandant_gestartet_am ON loeschlaeufe (mandant, gestartet_am);

-- Part 4 -------------------------------------------------------------------------------------------------------------
-- Moves the event log of Fall p_alt to its anonymised row p_neu, coarsened: the note goes, of the parameters only the
-- keys in p_parameter_behalten stay, the time of entry becomes the business day, referral ids are replaced by the new
-- ones (p_ueberleitungen_alt[i] -> p_ueberleitungen_neu[i]). Called by the erasure job (owner role) as the one place
-- that changes the event log, and only towards an anonymised Fall of the same tenant that has no events yet, from a
-- Fall that is not anonymised and not under an active hold. Returns the number of events moved.
CREATE FUNCTION fall_ereignisse_anonymisieren(
  p_alt uuid, p_neu uuid, p_ueberleitungen_alt uuid[], p_ueberleitungen_neu uuid[], p_parameter_behalten text[])
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_alt faelle;
  v_neu faelle;
  v_anzahl integer;
BEGIN
  SELECT * INTO v_alt FROM faelle WHERE id = p_alt FOR UPDATE;
  IF NOT FOUND OR v_alt.anonymisiert_am IS NOT NULL THEN
    RAISE EXCEPTION 'Fall % ist nicht vorhanden oder schon anonymisiert', p_alt USING ERRCODE = 'KIM10';
  END IF;
  SELECT * INTO v_neu FROM faelle WHERE id = p_neu FOR UPDATE;
  IF NOT FOUND OR v_neu.anonymisiert_am IS NULL OR v_neu.mandant <> v_alt.mandant THEN
    RAISE EXCEPTION 'Ziel % ist kein anonymisierter Fall desselben Mandanten', p_neu USING ERRCODE = 'KIM10';
  END IF;
  IF EXISTS (SELECT 1 FROM fall_ereignisse WHERE fall_id = p_neu) THEN
    RAISE EXCEPTION 'Ziel % hat schon Ereignisse', p_neu USING ERRCODE = 'KIM10';
  END IF;
  -- Today as the Kommune's business day (Europe/Berlin, as the application's calendar), whatever the server's zone.
  IF EXISTS (SELECT 1 FROM fall_sperren s WHERE s.fall_id = p_alt AND s.aufgehoben_am IS NULL
             AND (s.bis IS NULL OR s.bis >= (now() AT TIME ZONE 'Europe/Berlin')::date)) THEN
    RAISE EXCEPTION 'Fall % ist gesperrt', p_alt USING ERRCODE = 'KIM11';
  END IF;
  IF coalesce(array_length(p_ueberleitungen_alt, 1), 0) <> coalesce(array_length(p_ueberleitungen_neu, 1), 0)
     OR EXISTS (SELECT 1 FROM unnest(p_ueberleitungen_neu) n(id)
                WHERE NOT EXISTS (SELECT 1 FROM ueberleitungen u WHERE u.id = n.id AND u.fall_id = p_neu)) THEN
    RAISE EXCEPTION 'Überleitungen passen nicht zum Ziel %', p_neu USING ERRCODE = 'KIM10';
  END IF;

  UPDATE fall_ereignisse e
  SET fall_id = p_neu,
      notiz = NULL,
      erfasst_am = e.fachliches_datum::timestamp AT TIME ZONE 'UTC',
      parameter = coalesce((SELECT jsonb_object_agg(p.key, p.value) FROM jsonb_each(e.parameter) p
                            WHERE p.key = ANY(p_parameter_behalten)), '{}'::jsonb),
      ueberleitung_id = CASE WHEN e.ueberleitung_id IS NULL THEN NULL
                             ELSE (SELECT m.neu FROM unnest(p_ueberleitungen_alt, p_ueberleitungen_neu) m(alt, neu)
                                   WHERE m.alt = e.ueberleitung_id) END
  WHERE e.fall_id = p_alt;
  GET DIAGNOSTICS v_anzahl = ROW_COUNT;
  IF EXISTS (SELECT 1 FROM fall_ereignisse WHERE fall_id = p_neu AND spur = 'Ueberleitung' AND ueberleitung_id IS NULL) THEN
    RAISE EXCEPTION 'Ereignis einer Überleitung ohne neue Kennung' USING ERRCODE = 'KIM10';
  END IF;
  RETURN v_anzahl;
END
$$;

-- Privileges ---------------------------------------------------------------------------------------------------------
-- The erasure job runs as the owner role (the data-protection run that migration 0002 reserved the deletion of case
-- records for); the application role reads the erasure record and the holds and writes holds.
GRANT SELECT, INSERT, UPDATE ON fall_sperren TO kim_anwendung;
GRANT SELECT ON loeschlaeufe TO kim_anwendung;
REVOKE ALL ON FUNCTION fall_ereignisse_anonymisieren(uuid, uuid, uuid[], uuid[], text[]) FROM PUBLIC;
