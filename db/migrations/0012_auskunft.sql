-- 0012: the Art. 15 copy (docs/adr/0009-auskunft-und-verzeichnis.md) reads every audit row of one client: by the
-- client's id, and by the ids of the client's Fälle (ix_audit_protokoll_fall_id_zeitpunkt, 0003). Rows without a
-- client (sign-ins, administration, analyses) are not indexed.
CREATE INDEX ix_audit_protokoll_klient_id_zeitpunkt ON audit_protokoll (klient_id, zeitpunkt) WHERE klient_id IS NOT NULL;
