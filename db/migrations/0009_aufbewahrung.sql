-- 0009: retention (docs/loeschkonzept.md). Part 1: the audit trail without breaking its hash chain
-- (docs/adr/0006-audit-aufbewahrung-pruefpunkte.md). Part 2 (at the end): sessions and notices past their period.
-- The chain is cut into segments by checkpoints. A checkpoint records the link that ends its segment (nr, hash,
-- horizon), how many links the segment has and the time range of its rows. Audit rows can only leave as whole segments,
-- oldest first, through audit_abschnitte_entfernen(); the checkpoint stays (marked entfernt_am), so the verification
-- starts from the hash of the last removed segment and still proves every kept row, and a removed segment is told
-- apart from a deleted one. The application role may read both tables and call the two functions, nothing else: it
-- still cannot UPDATE or DELETE an audit row itself.

-- One row per segment, numbered from 1 without gaps. Segment k holds the links (bis_nr of k-1, bis_nr of k]; the time
-- range is that of its rows when the checkpoint was set (NULL only if its rows were already missing then).
CREATE TABLE audit_pruefpunkte (
  abschnitt          bigint      PRIMARY KEY,
  bis_nr             bigint      NOT NULL,
  hash               bytea       NOT NULL,
  anzahl             bigint      NOT NULL,
  bis_xid            xid8        NOT NULL,
  erster_zeitpunkt   timestamptz NULL,
  letzter_zeitpunkt  timestamptz NULL,
  erstellt_am        timestamptz NOT NULL,
  entfernt_am        timestamptz NULL,
  CONSTRAINT ck_audit_pruefpunkte_abschnitt_positiv CHECK (abschnitt > 0),
  CONSTRAINT ck_audit_pruefpunkte_anzahl_positiv CHECK (anzahl > 0),
  CONSTRAINT ux_audit_pruefpunkte_bis_nr UNIQUE (bis_nr)
);

-- The database's own floor: whatever the caller asks, no audit row younger than this leaves through the function. The
-- retention period itself is a row of the rule table (Aufbewahrung.Auditprotokoll); this floor only limits what a
-- misused application login could remove. Only the owner (a DBA) can change it: UPDATE audit_aufbewahrung SET mindestens = ...
CREATE TABLE audit_aufbewahrung (
  id          boolean  PRIMARY KEY DEFAULT true,
  mindestens  interval NOT NULL,
  CONSTRAINT ck_audit_aufbewahrung_eine_zeile CHECK (id),
  CONSTRAINT ck_audit_aufbewahrung_mindestens CHECK (mindestens >= interval '0')
);
INSERT INTO audit_aufbewahrung (mindestens) VALUES (interval '1 year');

-- Sets a checkpoint at the current head of the chain (nothing when the head has not moved since the last one) and
-- returns it. Everything in it is read from the chain itself, never taken from the caller.
CREATE FUNCTION audit_pruefpunkt_setzen() RETURNS SETOF audit_pruefpunkte
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_abschnitt bigint := 0;
  v_von bigint := 0;
  v_kopf_nr bigint;
  v_kopf_hash bytea;
  v_kopf_xid xid8;
  v_neu audit_pruefpunkte;
BEGIN
  -- One retention step at a time (key "KIM_AUFB"), also against a concurrent removal.
  PERFORM pg_advisory_xact_lock(5424952297657812546);
  SELECT p.abschnitt, p.bis_nr INTO v_abschnitt, v_von FROM audit_pruefpunkte p ORDER BY p.abschnitt DESC LIMIT 1;
  IF NOT FOUND THEN
    v_abschnitt := 0;
    v_von := 0;
  END IF;

  SELECT s.nr, s.hash, s.bis_xid INTO v_kopf_nr, v_kopf_hash, v_kopf_xid FROM audit_siegel s ORDER BY s.nr DESC LIMIT 1;
  IF NOT FOUND OR v_kopf_nr <= v_von THEN
    RETURN;
  END IF;

  INSERT INTO audit_pruefpunkte (abschnitt, bis_nr, hash, anzahl, bis_xid, erster_zeitpunkt, letzter_zeitpunkt, erstellt_am)
  SELECT v_abschnitt + 1, v_kopf_nr, v_kopf_hash, v_kopf_nr - v_von, v_kopf_xid, min(p.zeitpunkt), max(p.zeitpunkt), now()
  FROM audit_siegel s JOIN audit_protokoll p ON p.id = s.audit_id
  WHERE s.nr > v_von AND s.nr <= v_kopf_nr
  RETURNING * INTO v_neu;
  RETURN NEXT v_neu;
END
$$;

-- Removes whole segments whose rows all lie before p_vor, oldest first, at most p_hoechstens per call, in one
-- transaction: their links and rows are deleted and their checkpoints marked entfernt_am. Refuses (SQLSTATE KIM02) a
-- cut-off younger than the floor in audit_aufbewahrung, and (KIM03) a segment whose links or rows are not all there or
-- whose end link is not the one its checkpoint recorded: an incomplete segment is evidence and stays.
-- Returns how many segments and rows were removed.
CREATE FUNCTION audit_abschnitte_entfernen(p_vor timestamptz, p_hoechstens integer)
RETURNS TABLE (abschnitte bigint, zeilen bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_mindestens interval;
  v_von bigint;
  v_pp audit_pruefpunkte;
  v_anzahl bigint;
  v_letzter timestamptz;
  v_hash bytea;
  v_ids bigint[];
BEGIN
  abschnitte := 0;
  zeilen := 0;
  SELECT a.mindestens INTO STRICT v_mindestens FROM audit_aufbewahrung a;
  IF p_vor IS NULL OR p_vor > now() - v_mindestens THEN
    RAISE EXCEPTION 'Audit-Zeilen werden frühestens nach der Mindestaufbewahrung von % entfernt.', v_mindestens USING ERRCODE = 'KIM02';
  END IF;

  PERFORM pg_advisory_xact_lock(5424952297657812546);
  SELECT coalesce(max(p.bis_nr), 0) INTO v_von FROM audit_pruefpunkte p WHERE p.entfernt_am IS NOT NULL;

  FOR v_pp IN SELECT * FROM audit_pruefpunkte p WHERE p.entfernt_am IS NULL ORDER BY p.abschnitt LIMIT greatest(p_hoechstens, 0) LOOP
    SELECT count(*), max(p.zeitpunkt) INTO v_anzahl, v_letzter
    FROM audit_siegel s JOIN audit_protokoll p ON p.id = s.audit_id
    WHERE s.nr > v_von AND s.nr <= v_pp.bis_nr;
    EXIT WHEN v_letzter >= p_vor;

    SELECT s.hash INTO v_hash FROM audit_siegel s WHERE s.nr = v_pp.bis_nr;
    IF v_anzahl <> v_pp.anzahl OR v_pp.bis_nr - v_von <> v_pp.anzahl OR v_hash IS DISTINCT FROM v_pp.hash THEN
      RAISE EXCEPTION 'Abschnitt % der Audit-Kette ist unvollständig oder verändert; nichts entfernt.', v_pp.abschnitt USING ERRCODE = 'KIM03';
    END IF;

    WITH weg AS (DELETE FROM audit_siegel s WHERE s.nr > v_von AND s.nr <= v_pp.bis_nr RETURNING s.audit_id)
    SELECT array_agg(weg.audit_id) INTO v_ids FROM weg;
    DELETE FROM audit_protokoll p WHERE p.id = ANY (v_ids);
    UPDATE audit_pruefpunkte p SET entfernt_am = now() WHERE p.abschnitt = v_pp.abschnitt;

    abschnitte := abschnitte + 1;
    zeilen := zeilen + v_anzahl;
    v_von := v_pp.bis_nr;
  END LOOP;

  RETURN NEXT;
END
$$;

REVOKE ALL ON audit_pruefpunkte, audit_aufbewahrung FROM PUBLIC;
REVOKE ALL ON audit_pruefpunkte, audit_aufbewahrung FROM kim_anwendung;
GRANT SELECT ON audit_pruefpunkte, audit_aufbewahrung TO kim_anwendung;
REVOKE ALL ON FUNCTION audit_pruefpunkt_setzen() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_abschnitte_entfernen(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_pruefpunkt_setzen() TO kim_anwendung;
GRANT EXECUTE ON FUNCTION audit_abschnitte_entfernen(timestamptz, integer) TO kim_anwendung;

-- Part 2: ended or expired sessions and notices past their period (rule table Aufbewahrung.Sitzungen,
-- Aufbewahrung.Benachrichtigungen) are deleted in the scheduler's round (KurzzeitAufbewahrung). The application role
-- gets DELETE on exactly these two tables; nothing else changes for them.
GRANT DELETE ON sitzungen, benachrichtigungen TO kim_anwendung;
