-- 0020: PostgreSQL row-level security on the Mandant column, as defence in depth (issue 18, ADR 0014).
--
-- Who is subject to it: the application's group role kim_anwendung (its login kim_app). The tables belong to the
-- migration role kim_owner, which is not subject to its own tables' policies (no FORCE): migrations, the erasure run,
-- verify-audit and backup run as the owner and see every row, as they must.
--
-- What a session of the application role sees: the rows whose mandant equals the setting kim.mandant, or every row
-- when it is '*' (installation-wide). Unset or empty: nothing. The application's pools start every connection with
-- kim.mandant=* (Datenbank.SitzungsOptionen), the installation-wide mode in which background work runs (scheduler,
-- notification dispatcher, audit sealing, analytics projection, sign-in); every EF Core command of a signed-in
-- user's request sets the user's Mandant in front of itself (MandantBefehlsInterceptor, same round trip). A connection
-- of the application role opened any other way (a report tool, a script, a forgotten pool) sees nothing.
--
-- The setting is read through a scalar subquery so that PostgreSQL evaluates it once per statement (an InitPlan),
-- not once per row. Rows without a Mandant (an audit row of a request without a signed-in user, an inbox row of an
-- unknown account) are visible only installation-wide.
CREATE FUNCTION mandant_sichtbar_sql(t text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE POLICY p_%1$s_mandant ON %1$I TO kim_anwendung '
    'USING (mandant = (SELECT current_setting(''kim.mandant'', true)) OR (SELECT current_setting(''kim.mandant'', true)) = ''*'') '
    'WITH CHECK (mandant = (SELECT current_setting(''kim.mandant'', true)) OR (SELECT current_setting(''kim.mandant'', true)) = ''*'')', t);
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
END
$$;

SELECT mandant_sichtbar_sql(t) FROM unnest(ARRAY[
  -- the case file
  'klienten', 'klient_schluessel', 'faelle', 'einwilligungen', 'ziele', 'wiedervorlagen', 'vertretungen',
  'ueberleitungen', 'notizen', 'kompetenzprofil_uebergaben', 'fall_ereignisse', 'fall_sperren', 'themen',
  -- accounts, sessions, inbox, replay store, token grants, audit trail
  'teams', 'benutzer', 'sitzungen', 'benachrichtigungen', 'benachrichtigung_zaehler', 'idempotenz',
  'tokendienst_grants', 'audit_protokoll',
  -- per-Kommune records without personal data that still must not mix
  'analysen_staende', 'lenkungsgruppe_entscheidungen', 'loeschlaeufe'
]) AS t;

DROP FUNCTION mandant_sichtbar_sql(text);
