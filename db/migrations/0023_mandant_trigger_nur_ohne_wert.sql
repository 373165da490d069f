-- 0023: the Mandant triggers only when the writer left the Mandant empty (issue 16, ADR 0014).
--
-- The Mandant triggers of migration 0019 fill the mandant column of a new row from its owner row (Fall, client,
-- account) when the writer leaves it empty. Writers that know the Mandant now pass it (the Fall aggregate for its
-- events, notes and hand-overs; the audit writer for its rows), and for those rows the trigger function is not called
-- at all: a trigger with a WHEN condition is skipped by the executor without entering PL/pgSQL, whereas the function
-- (SECURITY DEFINER with its own search_path) costs a function call and a settings switch per row even when it only
-- checks that the value is there (docs/profiling.md, issue 16). Same triggers, same functions, same behaviour for a
-- writer that passes nothing.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid) AS def
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE NOT t.tgisinternal AND n.nspname = 'public' AND t.tgqual IS NULL
      AND p.proname IN ('mandant_aus_fall', 'mandant_aus_klient', 'mandant_aus_benutzer')
  LOOP
    IF position('FOR EACH ROW EXECUTE' IN r.def) = 0 THEN
      RAISE EXCEPTION 'unexpected trigger definition: %', r.def;
    END IF;
    EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, r.relname);
    EXECUTE replace(r.def, 'FOR EACH ROW EXECUTE', 'FOR EACH ROW WHEN (NEW.mandant IS NULL) EXECUTE');
  END LOOP;
END
$$;
