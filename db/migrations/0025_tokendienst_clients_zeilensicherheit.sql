-- 0025: row-level security on the token service's clients too (issue 18, ADR 0014).
--
-- Migration 0020 left tokendienst_clients out: it holds no personal data, and the token service reads it before anyone
-- is signed in (token endpoint, the check of a partner system's token on each request). Those reads run in the pools'
-- installation-wide mode (kim.mandant = '*') and keep seeing every client. What the policy adds: the administration's
-- paths of a signed-in user (list, register, rotate and disable a Kommune's partner systems) run under the user's
-- Mandant, so a request of one Kommune can neither see nor change another Kommune's partner systems, whatever Mandant
-- key it passes (ClientVerzeichnis; test MandantTrennungTests.Partnersysteme_…). Same policy as in 0020.
CREATE POLICY p_tokendienst_clients_mandant ON tokendienst_clients TO kim_anwendung
  USING (mandant = (SELECT current_setting('kim.mandant', true)) OR (SELECT current_setting('kim.mandant', true)) = '*')
  WITH CHECK (mandant = (SELECT current_setting('kim.mandant', true)) OR (SELECT current_setting('kim.mandant', true)) = '*');
ALTER TABLE tokendienst_clients ENABLE ROW LEVEL SECURITY;
