-- 0003: the audit trail (who, what, when, which Fall/Klient, from where, outcome) and its hash chain.
-- Owner: the migrator role. The application (member of kim_anwendung) may only INSERT and SELECT; nobody but the
-- owner (and a superuser) can change or delete rows. Tampering by those is detected by the hash chain in
-- audit_siegel (verify-audit), not prevented: a trigger would not stop a superuser either.

-- One row per access. xid is the writing transaction (always the real one: the application may not insert it).
-- Rows are sealed in (xid, id) order once every transaction with a smaller xid has ended, so the chain never has to
-- serialise the writers.
CREATE TABLE audit_protokoll (
  id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  xid           xid8        NOT NULL DEFAULT pg_current_xact_id(),
  zeitpunkt     timestamptz NOT NULL,
  benutzer_id   text        NOT NULL,
  rollen        text        NOT NULL,
  aktion        text        NOT NULL,
  detail        text        NULL,
  fall_id       uuid        NULL,
  klient_id     uuid        NULL,
  ergebnis      integer     NOT NULL,
  herkunft      text        NULL,
  trace_id      text        NULL
);
-- The sealer's range scan (xid >= last horizon AND xid < current horizon).
CREATE INDEX ix_audit_protokoll_xid ON audit_protokoll (xid);
-- Datenschutz queries: per Fall, per user, and newest first / by time range.
CREATE INDEX ix_audit_protokoll_fall_id_zeitpunkt ON audit_protokoll (fall_id, zeitpunkt);
CREATE INDEX ix_audit_protokoll_benutzer_id_zeitpunkt ON audit_protokoll (benutzer_id, zeitpunkt);
CREATE INDEX ix_audit_protokoll_zeitpunkt ON audit_protokoll (zeitpunkt);

-- The hash chain: link nr (1-based, no gaps) seals audit row audit_id with
-- hash = SHA-256(vorgaenger_hash || zeilen_hash), zeilen_hash = SHA-256(canonical row content).
-- bis_xid: the horizon of the sealing run that wrote the link; every row with a smaller xid was final then.
CREATE TABLE audit_siegel (
  nr                bigint      PRIMARY KEY,
  audit_id          bigint      NOT NULL REFERENCES audit_protokoll (id),
  zeilen_hash       bytea       NOT NULL,
  vorgaenger_hash   bytea       NOT NULL,
  hash              bytea       NOT NULL,
  gesiegelt_am      timestamptz NOT NULL,
  bis_xid           xid8        NOT NULL,
  CONSTRAINT ck_audit_siegel_nr_positiv CHECK (nr > 0)
);
CREATE UNIQUE INDEX ux_audit_siegel_audit_id ON audit_siegel (audit_id);

-- Privileges. Start from nothing (whatever default privileges may exist), then grant exactly:
-- SELECT on both tables; INSERT on the seals; INSERT on the content columns of audit_protokoll only, so that id and
-- xid always come from the database (no OVERRIDING SYSTEM VALUE, no faked transaction id). No UPDATE, DELETE,
-- TRUNCATE, REFERENCES or TRIGGER. Identity columns need no privilege on their sequence.
REVOKE ALL ON audit_protokoll, audit_siegel FROM PUBLIC;
REVOKE ALL ON audit_protokoll, audit_siegel FROM kim_anwendung;
REVOKE ALL ON SEQUENCE audit_protokoll_id_seq FROM PUBLIC;
REVOKE ALL ON SEQUENCE audit_protokoll_id_seq FROM kim_anwendung;
GRANT SELECT ON audit_protokoll, audit_siegel TO kim_anwendung;
GRANT INSERT (zeitpunkt, benutzer_id, rollen, aktion, detail, fall_id, klient_id, ergebnis, herkunft, trace_id) ON audit_protokoll TO kim_anwendung;
GRANT INSERT ON audit_siegel TO kim_anwendung;
