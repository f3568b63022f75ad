-- Daicho register: regular recipients and the records of provision and receipt (第三者提供記録・
-- 確認記録, APPI arts. 29–30), the catalogue of security control measures (安全管理措置, PPC
-- 通則編 10), the disposal log (廃棄記録) and the objection log for implicit consent (異議の申出).
-- Released migrations are never edited: add a new numbered file instead.

-- A party personal data goes to regularly (経常的提供先), with the basis it goes on.
CREATE TABLE regular_recipient (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address        TEXT NOT NULL,
    representative TEXT NOT NULL,
    purpose        TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    basis          TEXT NOT NULL CHECK (basis IN
                       ('consent', 'optOut', 'foreignProvision', 'statutoryException')),
    -- Which art. 27(1) exception, when the basis is one.
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
    CHECK ((basis = 'statutoryException') = (exception IS NOT NULL))
) STRICT;

-- No cascade from holding: a holding something names cannot be deleted (the core says what).
CREATE TABLE regular_recipient_holding (
    owner_id   INTEGER NOT NULL REFERENCES regular_recipient (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX regular_recipient_holding_by_holding ON regular_recipient_holding (holding_id);

-- One record of provision to, or receipt from, a third party. A bulk record (一括記録) or a
-- contract standing in for the record covers a series from provided_on to last_provided_on;
-- an individual record covers one day. How long it is kept follows from the method (PPC
-- Rules arts. 21 and 25), so the core computes it rather than storing it.
CREATE TABLE provision_record (
    id                          INTEGER PRIMARY KEY,
    reference                   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    direction                   TEXT NOT NULL CHECK (direction IN ('provided', 'received')),
    basis                       TEXT NOT NULL CHECK (basis IN
                                    ('consent', 'optOut', 'foreignProvision', 'statutoryException')),
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
    recipient_id                INTEGER REFERENCES regular_recipient (id),
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
    CHECK ((basis = 'statutoryException') = (exception IS NOT NULL)),
    CHECK (recording_method <> 'individual' OR last_provided_on IS NULL)
) STRICT;
CREATE INDEX provision_record_by_recipient ON provision_record (recipient_id);

CREATE TABLE provision_record_holding (
    owner_id   INTEGER NOT NULL REFERENCES provision_record (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX provision_record_holding_by_holding ON provision_record_holding (holding_id);

-- One security control measure under a PPC heading (通則編 10-1 to 10-7).
CREATE TABLE security_measure (
    id          INTEGER PRIMARY KEY,
    heading     TEXT NOT NULL CHECK (heading IN
                    ('basicPolicy', 'handlingRules', 'organisational', 'personnel', 'physical',
                     'technical', 'externalEnvironment')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL,
    -- Published in the art. 32 notice, or kept internal because publishing it would weaken it.
    publishable INTEGER NOT NULL CHECK (publishable IN (0, 1)),
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE security_measure_holding (
    owner_id   INTEGER NOT NULL REFERENCES security_measure (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX security_measure_holding_by_holding ON security_measure_holding (holding_id);

-- One disposal or deletion of (part of) a holding, with the proof of it.
CREATE TABLE disposal (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    holding_id      INTEGER NOT NULL REFERENCES holding (id),
    disposed_on     TEXT NOT NULL CHECK (date(disposed_on) IS disposed_on),
    description     TEXT NOT NULL,
    -- Data whose retention period started on or before this day was disposed of.
    covers_through  TEXT CHECK (covers_through IS NULL
                        OR (date(covers_through) IS covers_through AND covers_through <= disposed_on)),
    medium          TEXT NOT NULL CHECK (medium IN
                        ('paper', 'electronicData', 'storageDevice', 'removableMedia', 'other')),
    method          TEXT NOT NULL CHECK (method IN
                        ('shredding', 'dissolving', 'erasureSoftware', 'physicalDestruction',
                         'outsourced', 'other')),
    method_note     TEXT NOT NULL,
    performed_by    TEXT NOT NULL CHECK (length(trim(performed_by)) > 0),
    witness         TEXT NOT NULL,
    vendor          TEXT NOT NULL,
    certificate_ref TEXT NOT NULL,
    notes           TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX disposal_by_holding ON disposal (holding_id);

-- An objection to a use or provision the organisation otherwise treats as consented to.
CREATE TABLE objection (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    person      TEXT NOT NULL CHECK (length(trim(person)) > 0),
    purpose     TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    reason      TEXT NOT NULL,
    received_on TEXT NOT NULL CHECK (date(received_on) IS received_on),
    in_writing  INTEGER NOT NULL CHECK (in_writing IN (0, 1)),
    applied_on  TEXT CHECK (applied_on IS NULL
                    OR (date(applied_on) IS applied_on AND applied_on >= received_on)),
    applied_by  TEXT NOT NULL,
    notes       TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE objection_holding (
    owner_id   INTEGER NOT NULL REFERENCES objection (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX objection_holding_by_holding ON objection_holding (holding_id);
