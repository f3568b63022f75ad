-- Daicho register: the catalogue of matters treated as consented unless the person objects
-- (黙示の同意), objections linked to the matter they object to and withdrawn by the person, and
-- the published procedure for requests about retained personal data (APPI arts. 32(1)(iii),
-- 37 and 38; Cabinet Order art. 12).
-- Released migrations are never edited: add a new numbered file instead.

-- A matter the organisation publishes and then treats as consented to by everyone who does
-- not object.
CREATE TABLE consent_matter (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL CHECK (length(trim(description)) > 0),
    -- Not published, not presumed: where and since when the person could read it.
    published_where TEXT NOT NULL CHECK (length(trim(published_where)) > 0),
    published_since TEXT NOT NULL CHECK (date(published_since) IS published_since),
    notes           TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE consent_matter_holding (
    owner_id   INTEGER NOT NULL REFERENCES consent_matter (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX consent_matter_holding_by_holding ON consent_matter_holding (holding_id);

-- No ON DELETE: a matter an objection names is kept (the register refuses the deletion and
-- names the objections).
ALTER TABLE objection ADD COLUMN matter_id INTEGER REFERENCES consent_matter (id);
-- Withdrawn by the person, never before the organisation received the objection.
ALTER TABLE objection ADD COLUMN withdrawn_on TEXT
    CHECK (withdrawn_on IS NULL
           OR (date(withdrawn_on) IS withdrawn_on AND withdrawn_on >= received_on));
CREATE INDEX objection_by_matter ON objection (matter_id);

-- The published request procedure: one per register, versioned like the deadline settings.
-- The desk it names is the organisation profile's request desk.
CREATE TABLE request_procedure (
    id                          INTEGER PRIMARY KEY CHECK (id = 1),
    forms                       TEXT NOT NULL,
    identity_documents          TEXT NOT NULL CHECK (json_valid(identity_documents)
                                    AND json_type(identity_documents) = 'array'),
    agent_identity_documents    TEXT NOT NULL CHECK (json_valid(agent_identity_documents)
                                    AND json_type(agent_identity_documents) = 'array'),
    legal_representative_proof  TEXT NOT NULL,
    appointed_agent_proof       TEXT NOT NULL,
    -- Art. 38: a reasonable fee, only for purpose notification and disclosure.
    disclosure_fee_yen          INTEGER CHECK (disclosure_fee_yen IS NULL
                                    OR disclosure_fee_yen BETWEEN 0 AND 100000),
    provision_record_fee_yen    INTEGER CHECK (provision_record_fee_yen IS NULL
                                    OR provision_record_fee_yen BETWEEN 0 AND 100000),
    payment_method              TEXT NOT NULL,
    answer_methods              TEXT NOT NULL CHECK (json_valid(answer_methods)
                                    AND json_type(answer_methods) = 'array'),
    notes                       TEXT NOT NULL,
    version                     INTEGER NOT NULL CHECK (version >= 1),
    updated_at                  TEXT NOT NULL
) STRICT;
