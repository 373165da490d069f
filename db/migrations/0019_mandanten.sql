-- 0019: several Kommunen (Mandanten) on one installation (issue 18, docs/adr/0014-mandanten-und-rls.md).
-- The Mandanten themselves: created, listed, disabled and enabled by the provider's administration
-- (Anbieteradministration), never by a Kommune's own Administration. A disabled Mandant's users cannot sign in and
-- their sessions end (the application ends them in the same step). The key is what every row's mandant column holds.
CREATE TABLE mandanten (
  schluessel      text        PRIMARY KEY,
  name            text        NOT NULL,
  status          text        NOT NULL DEFAULT 'aktiv',
  erstellt_am     timestamptz NOT NULL DEFAULT now(),
  geaendert_am    timestamptz NULL,
  CONSTRAINT ck_mandanten_schluessel CHECK (char_length(schluessel) BETWEEN 1 AND 64 AND schluessel !~ '[[:cntrl:][:space:]]'),
  CONSTRAINT ck_mandanten_name CHECK (char_length(name) BETWEEN 1 AND 200),
  CONSTRAINT ck_mandanten_status CHECK (status IN ('aktiv', 'deaktiviert'))
);

-- The installation's default Mandant, and every Mandant the existing rows already name (an installation that ran
-- before this script keeps working: its data belongs to a Mandant that now exists).
INSERT INTO mandanten (schluessel, name)
SELECT m, CASE WHEN m = 'standard' THEN 'Standardkommune' ELSE m END
FROM (
  SELECT 'standard' AS m
  UNION SELECT mandant FROM klienten
  UNION SELECT mandant FROM faelle
  UNION SELECT mandant FROM teams
  UNION SELECT mandant FROM benutzer
  UNION SELECT mandant FROM themen
  UNION SELECT mandant FROM tokendienst_clients
  UNION SELECT mandant FROM lenkungsgruppe_entscheidungen
) vorhandene
WHERE char_length(m) BETWEEN 1 AND 64 AND m !~ '[[:cntrl:][:space:]]';

REVOKE ALL ON mandanten FROM PUBLIC;
GRANT SELECT, INSERT ON mandanten TO kim_anwendung;
GRANT UPDATE (name, status, geaendert_am) ON mandanten TO kim_anwendung;

-- ---------------------------------------------------------------------------------------------------------------------
-- A Mandant on every row with personal data. Tables that had none get the column, filled for existing rows from the row
-- that owns them (the Fall, the client, the account), and for new rows by a BEFORE INSERT trigger from the same owner
-- when the writer does not name it (the writers stay as they are; one indexed lookup of a row the same transaction
-- usually just touched, no extra round trip). The lookups run as the owner of the functions (SECURITY DEFINER), so that
-- the row-level security of migration 0020 cannot make them miss their owner.
--  * NOT NULL where a foreign key guarantees the owner: the Fall's parts and the event log, the client keys, sessions.
--  * NULL allowed where the owner may be unknown: the inbox, its counters, the replay store and the token service's
--    grants (keyed by an account id without a foreign key) and the audit trail (a request without a signed-in user,
--    e.g. a failed sign-in, belongs to no Kommune). Such rows are visible to no Kommune under migration 0020.

CREATE FUNCTION mandant_aus_fall() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.mandant IS NULL THEN
    NEW.mandant := (SELECT f.mandant FROM faelle f WHERE f.id = NEW.fall_id);
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION mandant_aus_klient() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.mandant IS NULL THEN
    NEW.mandant := (SELECT k.mandant FROM klienten k WHERE k.id = NEW.klient_id);
  END IF;
  RETURN NEW;
END
$$;

-- TG_ARGV[0]: the column holding the account id; a Fall (fall_id) is the second source where the table has one.
CREATE FUNCTION mandant_aus_benutzer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_konto text;
  v_fall  uuid;
BEGIN
  IF NEW.mandant IS NULL THEN
    CASE TG_ARGV[0]
      WHEN 'benutzer_id' THEN v_konto := NEW.benutzer_id;
      WHEN 'empfaenger_id' THEN v_konto := NEW.empfaenger_id;
      WHEN 'subject_id' THEN v_konto := NEW.subject_id;
    END CASE;
    NEW.mandant := (SELECT b.mandant FROM benutzer b WHERE b.id = v_konto);
    IF NEW.mandant IS NULL AND TG_TABLE_NAME IN ('benachrichtigungen', 'idempotenz', 'audit_protokoll') THEN
      v_fall := NEW.fall_id;
      NEW.mandant := (SELECT f.mandant FROM faelle f WHERE f.id = v_fall);
    END IF;
    IF NEW.mandant IS NULL AND TG_TABLE_NAME = 'tokendienst_grants' THEN
      NEW.mandant := (SELECT c.mandant FROM tokendienst_clients c WHERE c.client_id = NEW.client_id AND c.art = 'Partnersystem');
    END IF;
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION mandant_aus_fall(), mandant_aus_klient(), mandant_aus_benutzer() FROM PUBLIC;

-- The Fall's parts and its event log.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['einwilligungen', 'ziele', 'wiedervorlagen', 'vertretungen', 'ueberleitungen', 'notizen',
                           'kompetenzprofil_uebergaben', 'fall_ereignisse']
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN mandant text NULL', t);
    EXECUTE format('UPDATE %I x SET mandant = f.mandant FROM faelle f WHERE f.id = x.fall_id', t);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN mandant SET NOT NULL', t);
    EXECUTE format('CREATE TRIGGER tr_%s_mandant BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION mandant_aus_fall()', t, t);
  END LOOP;
END
$$;

-- The client keys (crypto-shredding).
ALTER TABLE klient_schluessel ADD COLUMN mandant text NULL;
UPDATE klient_schluessel s SET mandant = k.mandant FROM klienten k WHERE k.id = s.klient_id;
ALTER TABLE klient_schluessel ALTER COLUMN mandant SET NOT NULL;
CREATE TRIGGER tr_klient_schluessel_mandant BEFORE INSERT ON klient_schluessel FOR EACH ROW EXECUTE FUNCTION mandant_aus_klient();

-- Sessions.
ALTER TABLE sitzungen ADD COLUMN mandant text NULL;
UPDATE sitzungen s SET mandant = b.mandant FROM benutzer b WHERE b.id = s.benutzer_id;
ALTER TABLE sitzungen ALTER COLUMN mandant SET NOT NULL;
CREATE TRIGGER tr_sitzungen_mandant BEFORE INSERT ON sitzungen FOR EACH ROW EXECUTE FUNCTION mandant_aus_benutzer('benutzer_id');

-- The inbox (notifications), its counters, the replay store, the token service's grants.
ALTER TABLE benachrichtigungen ADD COLUMN mandant text NULL;
UPDATE benachrichtigungen n SET mandant = COALESCE(
  (SELECT b.mandant FROM benutzer b WHERE b.id = n.empfaenger_id),
  (SELECT f.mandant FROM faelle f WHERE f.id = n.fall_id));
CREATE TRIGGER tr_benachrichtigungen_mandant BEFORE INSERT ON benachrichtigungen FOR EACH ROW EXECUTE FUNCTION mandant_aus_benutzer('empfaenger_id');

ALTER TABLE benachrichtigung_zaehler ADD COLUMN mandant text NULL;
UPDATE benachrichtigung_zaehler z SET mandant = b.mandant FROM benutzer b WHERE b.id = z.empfaenger_id;
CREATE TRIGGER tr_benachrichtigung_zaehler_mandant BEFORE INSERT ON benachrichtigung_zaehler FOR EACH ROW EXECUTE FUNCTION mandant_aus_benutzer('empfaenger_id');

ALTER TABLE idempotenz ADD COLUMN mandant text NULL;
UPDATE idempotenz i SET mandant = COALESCE(
  (SELECT b.mandant FROM benutzer b WHERE b.id = i.benutzer_id),
  (SELECT f.mandant FROM faelle f WHERE f.id = i.fall_id));
CREATE TRIGGER tr_idempotenz_mandant BEFORE INSERT ON idempotenz FOR EACH ROW EXECUTE FUNCTION mandant_aus_benutzer('benutzer_id');

ALTER TABLE tokendienst_grants ADD COLUMN mandant text NULL;
UPDATE tokendienst_grants g SET mandant = COALESCE(
  (SELECT b.mandant FROM benutzer b WHERE b.id = g.subject_id),
  (SELECT c.mandant FROM tokendienst_clients c WHERE c.client_id = g.client_id AND c.art = 'Partnersystem'));
CREATE TRIGGER tr_tokendienst_grants_mandant BEFORE INSERT ON tokendienst_grants FOR EACH ROW EXECUTE FUNCTION mandant_aus_benutzer('subject_id');

-- The audit trail: the application writes the signed-in user's Mandant with every row (AuditProtokoll); the trigger
-- fills it from the account or the Fall where a writer does not. Not part of the sealed row content (the hash chain
-- of existing rows stays valid); who may read which rows is the Datenschutz view's Mandant filter and migration 0020.
ALTER TABLE audit_protokoll ADD COLUMN mandant text NULL;
UPDATE audit_protokoll p SET mandant = COALESCE(
  (SELECT b.mandant FROM benutzer b WHERE b.id = p.benutzer_id),
  (SELECT f.mandant FROM faelle f WHERE f.id = p.fall_id));
CREATE TRIGGER tr_audit_protokoll_mandant BEFORE INSERT ON audit_protokoll FOR EACH ROW EXECUTE FUNCTION mandant_aus_benutzer('benutzer_id');
CREATE INDEX ix_audit_protokoll_mandant_zeitpunkt ON audit_protokoll (mandant, zeitpunkt);
GRANT INSERT (mandant) ON audit_protokoll TO kim_anwendung;
