-- 0006: idempotency keys of writes. A client sends "Idempotency-Key: <key>" on a write; the key row is inserted in
-- the same transaction as the change, so a committed change and its key exist together or not at all. After the
-- commit the answer (status, content type, body) is stored with the key; a repeated request with the same key gets
-- that answer again instead of a second change. Keys are per user; rows older than the retention are deleted.
CREATE TABLE idempotenz (
  benutzer_id   text        NOT NULL,
  schluessel    text        NOT NULL,
  anfrage_hash  text        NOT NULL,
  fall_id       uuid        NULL,
  erstellt_am   timestamptz NOT NULL,
  status        integer     NULL,
  inhaltstyp    text        NULL,
  antwort       bytea       NULL,
  CONSTRAINT pk_idempotenz PRIMARY KEY (benutzer_id, schluessel)
);
CREATE INDEX ix_idempotenz_erstellt_am ON idempotenz (erstellt_am);

REVOKE ALL ON idempotenz FROM kim_anwendung;
GRANT SELECT, INSERT, DELETE ON idempotenz TO kim_anwendung;
GRANT UPDATE (status, inhaltstyp, antwort) ON idempotenz TO kim_anwendung;
