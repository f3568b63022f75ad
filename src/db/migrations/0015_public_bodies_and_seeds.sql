-- Daicho register: what a public body (行政機関等, APPI chapter V) records that a private
-- operator does not, and the per-item detail the seed registers need.
--   * the regime of incorporated administrative agencies etc. (独立行政法人等) is a new value of
--     `regime`, on the organisation and on each incident (which keeps the regime it was entered
--     under); both columns carry a CHECK listing the regimes, so both tables are rebuilt;
--   * a public body provides on the grounds of art. 69 (art. 71 abroad): two new bases and the
--     ground beside them on regular recipients and provision records;
--   * a holding records the legal basis of the duties it serves (法令の定める所掌事務, arts. 61,
--     74(1)(iii));
--   * a data item may carry its own purposes and sources (000's type -> purpose -> source table);
--   * the organisation names several officers, each with a contact;
--   * a holding records minors' consent, voluntariness, automated decisions and statistics.
-- Released migrations are never edited: add a new numbered file instead.

ALTER TABLE holding ADD COLUMN duty_basis TEXT NOT NULL DEFAULT '';

-- Minors and their legal representative, voluntariness, automated decisions and statistics,
-- as one JSON object (model::holding::ConsentDetails); '{}' reads as nothing stated.
ALTER TABLE holding ADD COLUMN consent_details TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(consent_details) AND json_type(consent_details) = 'object');

-- The organisation, rebuilt for the new regime. Nothing references it, so it is copied,
-- dropped and renamed. Its new column: the officers in charge, each with a contact (name,
-- role, contact), as a JSON array.
CREATE TABLE organisation_v15 (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address         TEXT NOT NULL,
    representative  TEXT NOT NULL,
    privacy_manager TEXT NOT NULL,
    request_desk    TEXT NOT NULL,
    complaint_desk  TEXT NOT NULL,
    regime          TEXT NOT NULL CHECK (regime IN
                        ('privateOperator', 'nationalOrgan', 'localGovernment',
                         'incorporatedAgency', 'gdprController')),
    gdpr_applies    INTEGER NOT NULL CHECK (gdpr_applies IN (0, 1)),
    version         INTEGER NOT NULL CHECK (version >= 1),
    updated_at      TEXT NOT NULL,
    officers        TEXT NOT NULL DEFAULT '[]'
                        CHECK (json_valid(officers) AND json_type(officers) = 'array')
) STRICT;
INSERT INTO organisation_v15 (id, name, address, representative, privacy_manager, request_desk,
        complaint_desk, regime, gdpr_applies, version, updated_at)
    SELECT id, name, address, representative, privacy_manager, request_desk, complaint_desk,
        regime, gdpr_applies, version, updated_at FROM organisation;
DROP TABLE organisation;
ALTER TABLE organisation_v15 RENAME TO organisation;

-- Incidents, rebuilt for the new regime with the same columns (0006, and 0007's entrustee) and
-- ids. Dropping the old table while foreign keys are on would delete its filings, notices,
-- timeline and links by cascade, so those four tables are rebuilt beside it, with their
-- indexes and append-only triggers.
CREATE TABLE incident_v15 (
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
    entrusted_party         TEXT NOT NULL,
    entrustee_notified_on   TEXT CHECK (entrustee_notified_on IS NULL
                                OR date(entrustee_notified_on) IS entrustee_notified_on),
    responses_to_persons    TEXT NOT NULL,
    public_announcement     TEXT NOT NULL,
    prevention              TEXT NOT NULL,
    other                   TEXT NOT NULL,
    -- The organisation's regime when the incident was entered: its obligations follow it.
    regime                  TEXT NOT NULL CHECK (regime IN
                                ('privateOperator', 'nationalOrgan', 'localGovernment',
                                 'incorporatedAgency', 'gdprController')),
    gdpr_applies            INTEGER NOT NULL CHECK (gdpr_applies IN (0, 1)),
    closed_on               TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    version                 INTEGER NOT NULL CHECK (version >= 1),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    entrustee_id            INTEGER REFERENCES subcontractor (id)
                                CHECK (entrustee_id IS NULL OR perpetrator = 'subcontractor'),
    CHECK (perpetrator = 'subcontractor' OR entrustee_notified_on IS NULL),
    CHECK (strong_encryption = 0 OR length(trim(encryption_detail)) > 0),
    CHECK (gdpr_risk_unlikely = 0 OR length(trim(gdpr_risk_reason)) > 0)
) STRICT;
INSERT INTO incident_v15 (id, reference, title, aware_at, aware_department, occurred_on, nature,
        certainty, summary, items, persons, my_number_persons, cause, secondary_damage,
        secondary_damage_detail, strong_encryption, encryption_detail, financial_damage_risk,
        wrongful_purpose, data_being_acquired, my_number_system, publicly_exposed,
        gdpr_risk_unlikely, gdpr_risk_reason, perpetrator, entrusted_party,
        entrustee_notified_on, responses_to_persons, public_announcement, prevention, other,
        regime, gdpr_applies, closed_on, version, created_at, updated_at, entrustee_id)
    SELECT id, reference, title, aware_at, aware_department, occurred_on, nature, certainty,
        summary, items, persons, my_number_persons, cause, secondary_damage,
        secondary_damage_detail, strong_encryption, encryption_detail, financial_damage_risk,
        wrongful_purpose, data_being_acquired, my_number_system, publicly_exposed,
        gdpr_risk_unlikely, gdpr_risk_reason, perpetrator, entrusted_party,
        entrustee_notified_on, responses_to_persons, public_announcement, prevention, other,
        regime, gdpr_applies, closed_on, version, created_at, updated_at, entrustee_id
    FROM incident;

CREATE TABLE incident_holding_v15 (
    incident_id INTEGER NOT NULL REFERENCES incident_v15 (id) ON DELETE CASCADE,
    holding_id  INTEGER NOT NULL REFERENCES holding (id),
    position    INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (incident_id, holding_id),
    UNIQUE (incident_id, position)
) STRICT;
INSERT INTO incident_holding_v15 (incident_id, holding_id, position)
    SELECT incident_id, holding_id, position FROM incident_holding;

CREATE TABLE incident_filing_v15 (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incident_v15 (id) ON DELETE CASCADE,
    phase        TEXT NOT NULL CHECK (phase IN ('preliminary', 'final', 'supplementary')),
    law          TEXT NOT NULL CHECK (law IN ('appi', 'gdpr')),
    filed_on     TEXT NOT NULL CHECK (date(filed_on) IS filed_on),
    authority    TEXT NOT NULL CHECK (length(trim(authority)) > 0),
    channel      TEXT NOT NULL CHECK (channel IN ('webForm', 'email', 'post', 'inPerson', 'other')),
    reference_no TEXT NOT NULL,
    note         TEXT NOT NULL
) STRICT;
INSERT INTO incident_filing_v15 (id, incident_id, phase, law, filed_on, authority, channel,
        reference_no, note)
    SELECT id, incident_id, phase, law, filed_on, authority, channel, reference_no, note
    FROM incident_filing;

CREATE TABLE incident_notice_v15 (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident_v15 (id) ON DELETE CASCADE,
    notified_on TEXT NOT NULL CHECK (date(notified_on) IS notified_on),
    method      TEXT NOT NULL CHECK (method IN
                    ('letter', 'email', 'phone', 'inPerson', 'publicAnnouncement', 'other')),
    persons     INTEGER NOT NULL CHECK (persons >= 0),
    note        TEXT NOT NULL
) STRICT;
INSERT INTO incident_notice_v15 (id, incident_id, notified_on, method, persons, note)
    SELECT id, incident_id, notified_on, method, persons, note FROM incident_notice;

CREATE TABLE incident_event_v15 (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident_v15 (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN
                    ('recorded', 'updated', 'action', 'filed', 'personsNotified', 'closed')),
    occurred_on TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
    note        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
INSERT INTO incident_event_v15 (id, incident_id, kind, occurred_on, note, actor, recorded_at)
    SELECT id, incident_id, kind, occurred_on, note, actor, recorded_at FROM incident_event;

-- Children before the parent; dropping a table drops its indexes and triggers with it.
DROP TABLE incident_holding;
DROP TABLE incident_filing;
DROP TABLE incident_notice;
DROP TABLE incident_event;
DROP TABLE incident;

ALTER TABLE incident_v15 RENAME TO incident;
ALTER TABLE incident_holding_v15 RENAME TO incident_holding;
ALTER TABLE incident_filing_v15 RENAME TO incident_filing;
ALTER TABLE incident_notice_v15 RENAME TO incident_notice;
ALTER TABLE incident_event_v15 RENAME TO incident_event;

CREATE INDEX incident_by_entrustee ON incident (entrustee_id);
CREATE INDEX incident_holding_by_holding ON incident_holding (holding_id);
CREATE INDEX incident_filing_by_incident ON incident_filing (incident_id);
CREATE INDEX incident_notice_by_incident ON incident_notice (incident_id);
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

ALTER TABLE holding_data_item ADD COLUMN purposes TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(purposes) AND json_type(purposes) = 'array');
ALTER TABLE holding_data_item ADD COLUMN sources TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(sources) AND json_type(sources) = 'array');

-- The basis columns carry a CHECK that SQLite cannot change in place, so the recipient and
-- provision tables are rebuilt with the same columns and ids. Their link tables are rebuilt
-- with them: dropping a parent while foreign keys are on would cascade into the old links.
-- Every new table names the new parents; renaming a parent rewrites those references.
CREATE TABLE regular_recipient_v14 (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address        TEXT NOT NULL,
    representative TEXT NOT NULL,
    purpose        TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    basis          TEXT NOT NULL CHECK (basis IN
                       ('consent', 'optOut', 'foreignProvision', 'statutoryException',
                        'publicBody', 'publicBodyForeign')),
    exception      TEXT CHECK (exception IS NULL OR exception IN
                       ('lawsAndRegulations', 'lifeBodyProperty', 'publicHealth',
                        'publicBodyCooperation', 'academicPublication', 'academicProvider',
                        'academicRecipient')),
    items          TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
    frequency      TEXT NOT NULL,
    notes          TEXT NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    -- Which art. 69 ground, when the basis is a public body's.
    public_ground  TEXT CHECK (public_ground IS NULL OR public_ground IN
                       ('withinPurpose', 'lawsAndRegulations', 'consentOrPerson', 'internalUse',
                        'otherPublicBody', 'statisticsOrResearch', 'specialGrounds')),
    CHECK ((basis = 'statutoryException') = (exception IS NOT NULL)),
    CHECK ((basis IN ('publicBody', 'publicBodyForeign')) = (public_ground IS NOT NULL))
) STRICT;
INSERT INTO regular_recipient_v14 (id, name, address, representative, purpose, basis, exception,
        items, frequency, notes, version, created_at, updated_at)
    SELECT id, name, address, representative, purpose, basis, exception, items, frequency, notes,
        version, created_at, updated_at FROM regular_recipient;

CREATE TABLE regular_recipient_holding_v14 (
    owner_id   INTEGER NOT NULL REFERENCES regular_recipient_v14 (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
INSERT INTO regular_recipient_holding_v14 (owner_id, holding_id, position)
    SELECT owner_id, holding_id, position FROM regular_recipient_holding;

CREATE TABLE provision_record_v14 (
    id                          INTEGER PRIMARY KEY,
    reference                   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    direction                   TEXT NOT NULL CHECK (direction IN ('provided', 'received')),
    basis                       TEXT NOT NULL CHECK (basis IN
                                    ('consent', 'optOut', 'foreignProvision', 'statutoryException',
                                     'publicBody', 'publicBodyForeign')),
    exception                   TEXT CHECK (exception IS NULL OR exception IN
                                    ('lawsAndRegulations', 'lifeBodyProperty', 'publicHealth',
                                     'publicBodyCooperation', 'academicPublication',
                                     'academicProvider', 'academicRecipient')),
    recording_method            TEXT NOT NULL CHECK (recording_method IN
                                    ('individual', 'bulk', 'contractSubstitute')),
    provided_on                 TEXT NOT NULL CHECK (date(provided_on) IS provided_on),
    last_provided_on            TEXT CHECK (last_provided_on IS NULL
                                    OR (date(last_provided_on) IS last_provided_on
                                        AND last_provided_on >= provided_on)),
    recorded_on                 TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
    recipient_id                INTEGER REFERENCES regular_recipient_v14 (id),
    counterparty_name           TEXT NOT NULL CHECK (length(trim(counterparty_name)) > 0),
    counterparty_address        TEXT NOT NULL,
    counterparty_representative TEXT NOT NULL,
    acquisition_circumstances   TEXT NOT NULL,
    opt_out_published           INTEGER NOT NULL CHECK (opt_out_published IN (0, 1)),
    persons                     TEXT NOT NULL CHECK (json_valid(persons) AND json_type(persons) = 'array'),
    persons_description         TEXT NOT NULL,
    items                       TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
    consent_obtained            INTEGER NOT NULL CHECK (consent_obtained IN (0, 1)),
    consent_note                TEXT NOT NULL,
    notes                       TEXT NOT NULL,
    version                     INTEGER NOT NULL CHECK (version >= 1),
    created_at                  TEXT NOT NULL,
    updated_at                  TEXT NOT NULL,
    information                 TEXT NOT NULL DEFAULT 'personalData'
                                    CHECK (information IN ('personalData', 'personalRelated')),
    consent_confirmation_method TEXT NOT NULL DEFAULT '',
    foreign_information_confirmed INTEGER NOT NULL DEFAULT 0
                                    CHECK (foreign_information_confirmed IN (0, 1)),
    public_ground               TEXT CHECK (public_ground IS NULL OR public_ground IN
                                    ('withinPurpose', 'lawsAndRegulations', 'consentOrPerson',
                                     'internalUse', 'otherPublicBody', 'statisticsOrResearch',
                                     'specialGrounds')),
    CHECK ((basis = 'statutoryException') = (exception IS NOT NULL)),
    CHECK ((basis IN ('publicBody', 'publicBodyForeign')) = (public_ground IS NOT NULL)),
    CHECK (recording_method <> 'individual' OR last_provided_on IS NULL)
) STRICT;
INSERT INTO provision_record_v14 (id, reference, direction, basis, exception, recording_method,
        provided_on, last_provided_on, recorded_on, recipient_id, counterparty_name,
        counterparty_address, counterparty_representative, acquisition_circumstances,
        opt_out_published, persons, persons_description, items, consent_obtained, consent_note,
        notes, version, created_at, updated_at, information, consent_confirmation_method,
        foreign_information_confirmed)
    SELECT id, reference, direction, basis, exception, recording_method, provided_on,
        last_provided_on, recorded_on, recipient_id, counterparty_name, counterparty_address,
        counterparty_representative, acquisition_circumstances, opt_out_published, persons,
        persons_description, items, consent_obtained, consent_note, notes, version, created_at,
        updated_at, information, consent_confirmation_method, foreign_information_confirmed
    FROM provision_record;

CREATE TABLE provision_record_holding_v14 (
    owner_id   INTEGER NOT NULL REFERENCES provision_record_v14 (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
INSERT INTO provision_record_holding_v14 (owner_id, holding_id, position)
    SELECT owner_id, holding_id, position FROM provision_record_holding;

-- Children before parents, so that no drop reaches a table still linked to.
DROP TABLE provision_record_holding;
DROP TABLE regular_recipient_holding;
DROP TABLE provision_record;
DROP TABLE regular_recipient;

ALTER TABLE regular_recipient_v14 RENAME TO regular_recipient;
ALTER TABLE regular_recipient_holding_v14 RENAME TO regular_recipient_holding;
ALTER TABLE provision_record_v14 RENAME TO provision_record;
ALTER TABLE provision_record_holding_v14 RENAME TO provision_record_holding;

CREATE INDEX regular_recipient_holding_by_holding ON regular_recipient_holding (holding_id);
CREATE INDEX provision_record_by_recipient ON provision_record (recipient_id);
CREATE INDEX provision_record_holding_by_holding ON provision_record_holding (holding_id);
