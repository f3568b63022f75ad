-- Daicho register: what a public body (行政機関等, APPI chapter V) records that a private
-- operator does not, and the per-item detail the seed registers need.
--   * the regime of incorporated administrative agencies etc. (独立行政法人等) is a value of the
--     organisation's `regime`, which has no CHECK, so it needs no schema change;
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

-- The officers in charge, each with a contact (name, role, contact), as a JSON array.
ALTER TABLE organisation ADD COLUMN officers TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(officers) AND json_type(officers) = 'array');

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
