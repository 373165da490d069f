-- 0021: user names are unique per Mandant, not per installation (issue 18 item 3, ADR 0014 "Open").
-- Two Kommunen on one installation may each have an account "m.mueller". Sign-in therefore names the Kommune (the
-- "Kommune" field of the sign-in form when more than one Mandant is active, the API's optional "mandant"), and every
-- lookup by user name is scoped to a Mandant (AnmeldeDienst; the duplicate check of BenutzernameJeMandantValidator).
-- Existing rows satisfy the new index: they were unique installation-wide, which is stricter.
-- Lookups: (mandant = $1 AND normalized_user_name = $2) for sign-in with a Kommune and the duplicate check;
-- (mandant = ANY($active) AND normalized_user_name = $2) for a sign-in without one (one index descent per active Mandant).
-- The EF Core model names the same index (IdentitaetsTabellen), so that the model and the database agree.
DROP INDEX ix_benutzer_normalized_user_name;
CREATE UNIQUE INDEX ix_benutzer_mandant_normalized_user_name ON benutzer (mandant, normalized_user_name);
