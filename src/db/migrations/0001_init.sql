-- Daicho register, schema version 1.
-- Released migrations are never edited: add a new numbered file instead.

-- The organisation whose register this is. One row at most.
CREATE TABLE organisation (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address         TEXT NOT NULL,
    representative  TEXT NOT NULL,
    privacy_manager TEXT NOT NULL,
    request_desk    TEXT NOT NULL,
    complaint_desk  TEXT NOT NULL,
    regime          TEXT NOT NULL CHECK (regime IN
                        ('privateOperator', 'nationalOrgan', 'localGovernment', 'gdprController')),
    gdpr_applies    INTEGER NOT NULL CHECK (gdpr_applies IN (0, 1)),
    version         INTEGER NOT NULL CHECK (version >= 1),
    updated_at      TEXT NOT NULL
) STRICT;

-- Per-register preferences (UI language and the like), written through the core like any record.
CREATE TABLE preference (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One row of the personal information management ledger (個人情報管理台帳), which for public
-- bodies is also the entry of the personal information file register (個人情報ファイル簿).
-- Lists of short strings are JSON arrays: they are only ever read and written whole.
CREATE TABLE holding (
    id                      INTEGER PRIMARY KEY,
    ledger_no               TEXT NOT NULL UNIQUE CHECK (length(trim(ledger_no)) > 0),
    name                    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    department              TEXT NOT NULL CHECK (length(trim(department)) > 0),
    business_process        TEXT NOT NULL,
    manager                 TEXT NOT NULL,
    persons_recorded        TEXT NOT NULL,
    approx_count            INTEGER CHECK (approx_count IS NULL OR approx_count >= 0),
    acquisition_method      TEXT NOT NULL CHECK (acquisition_method IN
                                ('directWritten', 'directOther', 'thirdParty', 'publicSource', 'mixed')),
    acquisition_sources     TEXT NOT NULL CHECK (json_valid(acquisition_sources) AND json_type(acquisition_sources) = 'array'),
    purposes                TEXT NOT NULL CHECK (json_valid(purposes) AND json_type(purposes) = 'array'),
    purpose_notice          TEXT NOT NULL CHECK (json_valid(purpose_notice) AND json_type(purpose_notice) = 'array'),
    consent                 TEXT NOT NULL CHECK (consent IN ('obtained', 'notRequired', 'notObtained')),
    consent_note            TEXT NOT NULL,
    medium                  TEXT NOT NULL CHECK (medium IN ('electronic', 'paper', 'both')),
    storage_place           TEXT NOT NULL,
    storage_method          TEXT NOT NULL,
    access_holders          TEXT NOT NULL CHECK (json_valid(access_holders) AND json_type(access_holders) = 'array'),
    use_deadline            TEXT NOT NULL,
    retention_years         INTEGER CHECK (retention_years IS NULL OR retention_years BETWEEN 0 AND 100),
    retention_months        INTEGER CHECK (retention_months IS NULL OR retention_months BETWEEN 0 AND 11),
    retention_trigger       TEXT CHECK (retention_trigger IS NULL OR retention_trigger IN
                                ('acquisition', 'contractEnd', 'lastUse', 'fiscalYearEnd',
                                 'leavingService', 'purposeAchieved', 'other')),
    retention_trigger_note  TEXT,
    retention_legal_basis   TEXT,
    disposal_method         TEXT CHECK (disposal_method IS NULL OR disposal_method IN
                                ('shredding', 'dissolving', 'erasureSoftware', 'physicalDestruction',
                                 'outsourced', 'other')),
    disposal_note           TEXT NOT NULL,
    retained_personal_data  INTEGER NOT NULL CHECK (retained_personal_data IN (0, 1)),
    last_review             TEXT CHECK (last_review IS NULL OR date(last_review) IS last_review),
    next_review             TEXT CHECK (next_review IS NULL OR date(next_review) IS next_review),
    regular_recipients      TEXT NOT NULL CHECK (json_valid(regular_recipients) AND json_type(regular_recipients) = 'array'),
    file_register_exemption TEXT NOT NULL,
    withheld_items          TEXT NOT NULL CHECK (json_valid(withheld_items) AND json_type(withheld_items) = 'array'),
    special_procedure       TEXT NOT NULL,
    notes                   TEXT NOT NULL,
    version                 INTEGER NOT NULL CHECK (version >= 1),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    -- A retention rule is all or nothing: a duration without its trigger is not a rule.
    CHECK ((retention_years IS NULL) = (retention_months IS NULL)
       AND (retention_years IS NULL) = (retention_trigger IS NULL)
       AND (retention_years IS NULL) = (retention_trigger_note IS NULL)
       AND (retention_years IS NULL) = (retention_legal_basis IS NULL)),
    CHECK (next_review IS NULL OR last_review IS NULL OR next_review > last_review)
) STRICT;

-- Data items are rows of their own so that later records (entrusted subsets, incidents) can
-- point at one item and a holding cannot drop an item that something still points at.
CREATE TABLE holding_data_item (
    id         INTEGER PRIMARY KEY,
    holding_id INTEGER NOT NULL REFERENCES holding (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sensitive  INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
    my_number  INTEGER NOT NULL CHECK (my_number IN (0, 1)),
    UNIQUE (holding_id, position),
    UNIQUE (holding_id, name)
) STRICT;
CREATE INDEX holding_data_item_by_holding ON holding_data_item (holding_id);

-- The audit trail. Append-only: the triggers below refuse UPDATE and DELETE, and every row
-- carries the SHA-256 of the previous row so that a rewrite by someone holding the key shows.
CREATE TABLE audit_event (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash      BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX audit_event_by_record ON audit_event (entity, entity_id, seq);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
