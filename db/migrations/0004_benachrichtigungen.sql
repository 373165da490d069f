-- 0004: notifications. Written in the same transaction as the change they report (transactional outbox = the
-- recipients' persisted inboxes), then delivered over SignalR by a dispatcher in every app instance.
--
-- Two orders:
--  * seq: per recipient, gap-free and in commit order (the recipient's counter row is locked until commit), so a
--    client that reconnects catches up with "everything after the last seq I saw" and never misses a late commit.
--  * xid: the writing transaction; the dispatchers read "every row of a transaction at or above my horizon" where the
--    horizon is the oldest transaction still running at the previous read, so they cannot skip a row that commits late.

CREATE TABLE benachrichtigungen (
  id             bigint      GENERATED ALWAYS AS IDENTITY,
  xid            xid8        NOT NULL DEFAULT pg_current_xact_id(),
  empfaenger_id  text        NOT NULL,
  seq            bigint      NOT NULL,
  fall_id        uuid        NULL,
  art            text        NOT NULL,
  titel          text        NOT NULL,
  text           text        NOT NULL,
  link           text        NULL,
  erstellt_am    timestamptz NOT NULL,
  gelesen_am     timestamptz NULL,
  CONSTRAINT pk_benachrichtigungen PRIMARY KEY (id),
  CONSTRAINT ck_benachrichtigungen_seq CHECK (seq > 0)
);
CREATE UNIQUE INDEX ux_benachrichtigungen_empfaenger_id_seq ON benachrichtigungen (empfaenger_id, seq);
CREATE INDEX ix_benachrichtigungen_xid ON benachrichtigungen (xid);
CREATE INDEX ix_benachrichtigungen_ungelesen ON benachrichtigungen (empfaenger_id) WHERE gelesen_am IS NULL;

-- One row per recipient: the last seq handed out. Locked (in recipient order) by the writing transaction.
CREATE TABLE benachrichtigung_zaehler (
  empfaenger_id  text   NOT NULL,
  letzte_seq     bigint NOT NULL,
  CONSTRAINT pk_benachrichtigung_zaehler PRIMARY KEY (empfaenger_id)
);

-- Scheduled notices (deadlines, follow-ups) are sent once: the key is inserted in the notice's transaction.
CREATE TABLE termin_meldungen (
  schluessel   text        NOT NULL,
  erstellt_am  timestamptz NOT NULL,
  CONSTRAINT pk_termin_meldungen PRIMARY KEY (schluessel)
);

REVOKE ALL ON benachrichtigungen, benachrichtigung_zaehler, termin_meldungen FROM kim_anwendung;
GRANT SELECT ON benachrichtigungen TO kim_anwendung;
GRANT INSERT (empfaenger_id, seq, fall_id, art, titel, text, link, erstellt_am) ON benachrichtigungen TO kim_anwendung;
GRANT UPDATE (gelesen_am) ON benachrichtigungen TO kim_anwendung;
GRANT SELECT, INSERT, UPDATE ON benachrichtigung_zaehler TO kim_anwendung;
GRANT SELECT, INSERT ON termin_meldungen TO kim_anwendung;
