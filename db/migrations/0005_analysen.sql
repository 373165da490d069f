-- 0005: generative Themen, the structural problems case managers escalate to the Lenkungsgruppe (issue 7).
-- The analyses themselves need no tables: they aggregate fall_ereignisse, faelle and klienten.
--
-- A Thema keeps the link to the Fall it was flagged on for the case file only; the Lenkungsgruppe never sees it. When a
-- Fall is erased (data-protection run of the owner role) the Thema stays, without the link (ON DELETE SET NULL).
CREATE TABLE themen (
  id             uuid        PRIMARY KEY,
  mandant        text        NOT NULL,
  fall_id        uuid        NULL REFERENCES faelle (id) ON DELETE SET NULL,
  kategorie      text        NOT NULL,
  beschreibung   text        NOT NULL,
  status         text        NOT NULL,
  erstellt_am    timestamptz NOT NULL,
  erstellt_von   text        NOT NULL,
  geaendert_am   timestamptz NOT NULL,
  geaendert_von  text        NULL,
  version        integer     NOT NULL,
  CONSTRAINT ck_themen_version_positiv CHECK (version > 0),
  -- New categories or states need a new migration (the enum names of Domain/Themen).
  CONSTRAINT ck_themen_kategorie CHECK (kategorie IN ('WartezeitIntegrationskurs', 'Wohnsitzauflage', 'AnerkennungDauert', 'SchnittstelleJobcenter', 'KinderbetreuungFehlt', 'Sonstiges')),
  CONSTRAINT ck_themen_status CHECK (status IN ('Offen', 'InLenkungsgruppe', 'Erledigt')),
  CONSTRAINT ck_themen_beschreibung_laenge CHECK (char_length(beschreibung) BETWEEN 1 AND 500)
);
CREATE INDEX ix_themen_fall_id ON themen (fall_id);
CREATE INDEX ix_themen_mandant_status ON themen (mandant, status);

-- The application flags Themen and changes their state; it never rewrites what was flagged, never deletes.
REVOKE ALL ON themen FROM PUBLIC;
GRANT SELECT, INSERT ON themen TO kim_anwendung;
GRANT UPDATE (status, geaendert_am, geaendert_von, version) ON themen TO kim_anwendung;
