-- 0013: one key per client for values that must outlive their place in the case file but not the client
-- (crypto-shredding, docs/adr/0007-loeschung-und-anonymisierung.md): the old master data in the audit row of an
-- Art. 16 correction is encrypted with it. The key goes with the client's row (ON DELETE CASCADE), so the audit row,
-- which keeps its own period and cannot be changed, reveals nothing once the client is erased.
CREATE TABLE klient_schluessel (
  klient_id    uuid        PRIMARY KEY REFERENCES klienten (id) ON DELETE CASCADE,
  schluessel   bytea       NOT NULL,
  erstellt_am  timestamptz NOT NULL,
  CONSTRAINT ck_klient_schluessel_laenge CHECK (length(schluessel) = 32)
);

GRANT SELECT, INSERT ON klient_schluessel TO kim_anwendung;
