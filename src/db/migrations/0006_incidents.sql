-- Daicho register: breach incidents (漏えい等事案; APPI art. 26, public bodies art. 68,
-- Number Act art. 29-4, GDPR Arts. 33–34), the reports filed about them, the notices sent to the
-- persons affected, and each incident's timeline.
-- Released migrations are never edited: add a new numbered file instead.

CREATE TABLE incident (
    id                      INTEGER PRIMARY KEY,
    reference               TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    title                   TEXT NOT NULL CHECK (length(trim(title)) > 0),
    -- RFC 3339 with the offset it was entered in: the GDPR's 72 hours run from this instant.
    aware_at                TEXT NOT NULL CHECK (datetime(aware_at) IS NOT NULL),
    aware_department        TEXT NOT NULL CHECK (length(trim(aware_department)) > 0),
    occurred_on             TEXT CHECK (occurred_on IS NULL OR date(occurred_on) IS occurred_on),
    -- A JSON array of 'leakage', 'loss', 'damage'.
    nature                  TEXT NOT NULL CHECK (json_valid(nature) AND json_type(nature) = 'array'
                                AND json_array_length(nature) > 0),
    certainty               TEXT NOT NULL CHECK (certainty IN ('actual', 'possible')),
    summary                 TEXT NOT NULL,
    -- A JSON array of the affected items, copied from the ledger when they come from it.
    items                   TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
    persons                 INTEGER NOT NULL CHECK (persons >= 0),
    my_number_persons       INTEGER NOT NULL CHECK (my_number_persons BETWEEN 0 AND persons),
    cause                   TEXT NOT NULL,
    secondary_damage        TEXT NOT NULL CHECK (secondary_damage IN ('none', 'mayOccur', 'occurred')),
    secondary_damage_detail TEXT NOT NULL,
    strong_encryption       INTEGER NOT NULL CHECK (strong_encryption IN (0, 1)),
    encryption_detail       TEXT NOT NULL,
    financial_damage_risk   INTEGER NOT NULL CHECK (financial_damage_risk IN (0, 1)),
    wrongful_purpose        INTEGER NOT NULL CHECK (wrongful_purpose IN (0, 1)),
    data_being_acquired     INTEGER NOT NULL CHECK (data_being_acquired IN (0, 1)),
    my_number_system        INTEGER NOT NULL CHECK (my_number_system IN (0, 1)),
    publicly_exposed        INTEGER NOT NULL CHECK (publicly_exposed IN (0, 1)),
    gdpr_risk_unlikely      INTEGER NOT NULL CHECK (gdpr_risk_unlikely IN (0, 1)),
    gdpr_risk_reason        TEXT NOT NULL,
    perpetrator             TEXT NOT NULL CHECK (perpetrator IN
                                ('unknown', 'outsider', 'insider', 'subcontractor')),
    -- The entrusted party by name until the subcontractor tier exists to link to.
    entrusted_party         TEXT NOT NULL,
    entrustee_notified_on   TEXT CHECK (entrustee_notified_on IS NULL
                                OR date(entrustee_notified_on) IS entrustee_notified_on),
    responses_to_persons    TEXT NOT NULL,
    public_announcement     TEXT NOT NULL,
    prevention              TEXT NOT NULL,
    other                   TEXT NOT NULL,
    -- The organisation's regime when the incident was entered: its obligations follow it.
    regime                  TEXT NOT NULL CHECK (regime IN
                                ('privateOperator', 'nationalOrgan', 'localGovernment', 'gdprController')),
    gdpr_applies            INTEGER NOT NULL CHECK (gdpr_applies IN (0, 1)),
    closed_on               TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    version                 INTEGER NOT NULL CHECK (version >= 1),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    CHECK (perpetrator = 'subcontractor' OR entrustee_notified_on IS NULL),
    CHECK (strong_encryption = 0 OR length(trim(encryption_detail)) > 0),
    CHECK (gdpr_risk_unlikely = 0 OR length(trim(gdpr_risk_reason)) > 0)
) STRICT;

-- No cascade from holding: a holding an incident names cannot be deleted.
CREATE TABLE incident_holding (
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    holding_id  INTEGER NOT NULL REFERENCES holding (id),
    position    INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (incident_id, holding_id),
    UNIQUE (incident_id, position)
) STRICT;
CREATE INDEX incident_holding_by_holding ON incident_holding (holding_id);

-- Reports filed with the PPC (or a delegated ministry) or a GDPR authority, per phase.
CREATE TABLE incident_filing (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    phase        TEXT NOT NULL CHECK (phase IN ('preliminary', 'final', 'supplementary')),
    law          TEXT NOT NULL CHECK (law IN ('appi', 'gdpr')),
    filed_on     TEXT NOT NULL CHECK (date(filed_on) IS filed_on),
    authority    TEXT NOT NULL CHECK (length(trim(authority)) > 0),
    channel      TEXT NOT NULL CHECK (channel IN ('webForm', 'email', 'post', 'inPerson', 'other')),
    reference_no TEXT NOT NULL,
    note         TEXT NOT NULL
) STRICT;
CREATE INDEX incident_filing_by_incident ON incident_filing (incident_id);

-- Notices to the persons affected (art. 26(2); Rules art. 10), or the public announcement
-- made instead.
CREATE TABLE incident_notice (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    notified_on TEXT NOT NULL CHECK (date(notified_on) IS notified_on),
    method      TEXT NOT NULL CHECK (method IN
                    ('letter', 'email', 'phone', 'inPerson', 'publicAnnouncement', 'other')),
    persons     INTEGER NOT NULL CHECK (persons >= 0),
    note        TEXT NOT NULL
) STRICT;
CREATE INDEX incident_notice_by_incident ON incident_notice (incident_id);

-- The timeline, written by the core with each step. Filings, notices and entries are records
-- of what was done: never rewritten.
CREATE TABLE incident_event (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN
                    ('recorded', 'updated', 'action', 'filed', 'personsNotified', 'closed')),
    occurred_on TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
    note        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX incident_event_by_incident ON incident_event (incident_id);

CREATE TRIGGER incident_event_no_update BEFORE UPDATE ON incident_event
BEGIN
    SELECT RAISE(ABORT, 'incident_event is append-only');
END;
CREATE TRIGGER incident_filing_no_update BEFORE UPDATE ON incident_filing
BEGIN
    SELECT RAISE(ABORT, 'incident_filing is append-only');
END;
CREATE TRIGGER incident_notice_no_update BEFORE UPDATE ON incident_notice
BEGIN
    SELECT RAISE(ABORT, 'incident_notice is append-only');
END;
