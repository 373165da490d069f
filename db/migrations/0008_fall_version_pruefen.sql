-- 0008: the version check of a change to a Fall, as part of the change's one batch (see docs/adr/0003). The repository
-- sends all statements of a change in one round trip, an implicit transaction that PostgreSQL commits at its end
-- unless a statement fails. The first statement updates the Fall row where the stored version is still the one that
-- was loaded and passes the number of updated rows here; any other number than 1 means someone else changed the Fall
-- meanwhile: the error (SQLSTATE KIM01) makes the whole batch roll back, and the application answers 409.
CREATE FUNCTION fall_version_pruefen(aktualisiert bigint) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
  IF aktualisiert IS DISTINCT FROM 1 THEN
    RAISE EXCEPTION 'Der Fall wurde inzwischen von jemand anderem geändert.' USING ERRCODE = 'KIM01';
  END IF;
END
$$;

REVOKE ALL ON FUNCTION fall_version_pruefen(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fall_version_pruefen(bigint) TO kim_anwendung;
