-- 0024: the statement that narrows a request to its Mandant, without a warning per request (issue 18, ADR 0014).
--
-- Until now a request put `SET LOCAL kim.mandant = '…'` in front of its statements (same round trip). Under the
-- extended query protocol the statements of one batch run in one implicit transaction, so the setting did narrow the
-- statements after it, but PostgreSQL does not count that as a transaction block and answered every such SET LOCAL
-- with "WARNING: SET LOCAL can only be used in transaction blocks": one line in the server log and one notice to the
-- client per request. The procedure sets the same transaction-local value through set_config(…, true), which does not
-- warn; CALL returns no result set, so the readers and affected-row counts of the statements after it are unchanged.
-- A SQL-language procedure without SET clauses opens no settings level of its own: the value lasts until the end of
-- the (implicit or explicit) transaction, exactly like SET LOCAL.
CREATE PROCEDURE mandant_setzen(p_mandant text) LANGUAGE sql AS $$
  SELECT set_config('kim.mandant', p_mandant, true);
$$;

REVOKE ALL ON PROCEDURE mandant_setzen(text) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE mandant_setzen(text) TO kim_anwendung;
