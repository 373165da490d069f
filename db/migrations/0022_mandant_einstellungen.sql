-- 0022: configuration per Mandant (issue 18 item 3, ADR 0014 "Open"): a Kommune's own Administration overrides some of
-- the installation's settings for its own Kommune. One row per Mandant; a NULL column means "the installation's
-- default" (appsettings Analysen:* and Termine:*), so a Mandant without a row, or with a row of NULLs, behaves exactly
-- as before. Legal periods are not here: they are law, the same for every Kommune, and stay in the dated rule table.
--  * mindestgroesse: the analyses' minimum group size k; never below the installation's Analysen:Mindestgroesse (the
--    application refuses it, the floor is configuration and cannot be a CHECK); at least 2 here as the last line.
--  * vollzeitstellen: case-manager FTE for the caseload figure (> 0).
--  * idealverlauf: per track {"Prozess": {"Pfade": ["A>B>C"], "Wartezustaende": ["B"]}, …}; a track not named keeps
--    the installation's ideal flow. The application checks every state against the track before storing.
--  * the four lead times of the deadline scheduler (TerminOptionen), in their units.
-- No personal data of clients; geaendert_von is the account id of the Administration that saved the row (the audit
-- trail has the old and new values).
CREATE TABLE mandant_einstellungen (
  mandant                                 text          PRIMARY KEY REFERENCES mandanten (schluessel),
  mindestgroesse                          integer       NULL,
  vollzeitstellen                         numeric(9, 2) NULL,
  idealverlauf                            jsonb         NULL,
  titel_vorlauf_wochen                    integer       NULL,
  einwilligung_vorlauf_tage               integer       NULL,
  kooperationsplan_vorlauf_tage           integer       NULL,
  chancenaufenthaltsrecht_vorlauf_wochen  integer       NULL,
  geaendert_am                            timestamptz   NOT NULL,
  geaendert_von                           text          NOT NULL,
  CONSTRAINT ck_mandant_einstellungen_mindestgroesse CHECK (mindestgroesse BETWEEN 2 AND 1000),
  CONSTRAINT ck_mandant_einstellungen_vollzeitstellen CHECK (vollzeitstellen > 0 AND vollzeitstellen <= 100000),
  CONSTRAINT ck_mandant_einstellungen_idealverlauf CHECK (jsonb_typeof(idealverlauf) = 'object'),
  CONSTRAINT ck_mandant_einstellungen_titel CHECK (titel_vorlauf_wochen BETWEEN 1 AND 52),
  CONSTRAINT ck_mandant_einstellungen_einwilligung CHECK (einwilligung_vorlauf_tage BETWEEN 1 AND 365),
  CONSTRAINT ck_mandant_einstellungen_kooperationsplan CHECK (kooperationsplan_vorlauf_tage BETWEEN 1 AND 365),
  CONSTRAINT ck_mandant_einstellungen_chancen CHECK (chancenaufenthaltsrecht_vorlauf_wochen BETWEEN 1 AND 52),
  CONSTRAINT ck_mandant_einstellungen_von CHECK (char_length(geaendert_von) BETWEEN 1 AND 200)
);

REVOKE ALL ON mandant_einstellungen FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON mandant_einstellungen TO kim_anwendung;

-- Row-level security as on every table with a mandant column (migration 0020): a request of a Kommune's user sees and
-- writes only its own Kommune's row; the scheduler (installation-wide, kim.mandant = '*') reads every row.
CREATE POLICY p_mandant_einstellungen_mandant ON mandant_einstellungen TO kim_anwendung
  USING (mandant = (SELECT current_setting('kim.mandant', true)) OR (SELECT current_setting('kim.mandant', true)) = '*')
  WITH CHECK (mandant = (SELECT current_setting('kim.mandant', true)) OR (SELECT current_setting('kim.mandant', true)) = '*');
ALTER TABLE mandant_einstellungen ENABLE ROW LEVEL SECURITY;
