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
