-- 0007: the stored report of the Lenkungsgruppe (issue 7). The report page without filters shows the analyses of all
-- Fälle as computed at "Stand" (refreshed in the background), because computing them over 100,000 Fälle takes far
-- longer than a page may (a filtered page is computed on request). It holds only what the page shows: aggregates after suppression, never a Fall, a name or an
-- id. One row per tenant; the refresh replaces it.
CREATE TABLE analysen_staende (
  mandant      text        PRIMARY KEY,
  erstellt_am  timestamptz NOT NULL,
  stichtag     date        NOT NULL,  -- the business day the figures were computed for
  datenstand   text        NOT NULL,  -- fingerprint of the data (last event id, Fälle, Themen) they were computed from
  bericht      jsonb       NOT NULL
);

REVOKE ALL ON analysen_staende FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON analysen_staende TO kim_anwendung;
