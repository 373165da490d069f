-- 0024: the statement that narrows a request to its Mandant, without a warning per request (issue 18, ADR 0014).
--
-- Until now a request put `SET LOCAL kim.mandant = '…'` in front of its statements (same round trip). Under the
-- extended query protocol the statements of one batch run in one implicit transaction, so the setting did narrow the
-- statements after it, but PostgreSQL does not count that as a transaction block and answered every such SET LOCAL
-- with "WARNING: SET LOCAL can only be used in transaction blocks": one line in the server log and one notice to the
-- client per request.
--
-- The hand-written batches of the Fall aggregate now send `SELECT set_config('kim.mandant', $1, true)` itself and skip
-- its row. EF Core reads the results of its commands by position, so in front of those a statement must return no
-- result set: this procedure, which sets the same transaction-local value. PL/pgSQL, because a SQL-language
-- procedure's body is parsed and planned on every CALL (pgbench, prepared, one client, on top of a round trip: SQL
-- +38 µs, PL/pgSQL +20 µs, set_config in a SELECT +2 µs). Without a SET clause of its own the procedure opens no
-- settings level: the value lasts until the end of the (implicit or explicit) transaction, exactly like SET LOCAL.
CREATE PROCEDURE mandant_setzen(p_mandant text) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('kim.mandant', p_mandant, true);
END
$$;

REVOKE ALL ON PROCEDURE mandant_setzen(text) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE mandant_setzen(text) TO kim_anwendung;
