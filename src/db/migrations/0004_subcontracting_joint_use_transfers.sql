-- Daicho register, schema version 4: subcontracting chains (委託・再委託), joint-use
-- arrangements (共同利用, art. 27(5)(iii)) with their published editions, and cross-border
-- transfers (外国にある第三者への提供, art. 28).
-- Released migrations are never edited: add a new numbered file instead.

-- One tier of a subcontracting chain. `parent_id` is the tier that entrusted this one; NULL
-- means the organisation entrusted it directly. No cascade: a tier with sub-tiers stays until
-- they are removed, so a chain is never cut in the middle.
CREATE TABLE subcontractor (
    id                           INTEGER PRIMARY KEY,
    reference                    TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    parent_id                    INTEGER REFERENCES subcontractor (id),
    name                         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address                      TEXT NOT NULL,
    representative               TEXT NOT NULL,
    -- ISO 3166-1 alpha-2; anything but JP makes the entrustment a foreign provision question.
    country                      TEXT NOT NULL CHECK (length(country) = 2 AND country GLOB '[A-Z][A-Z]'),
    classification               TEXT NOT NULL CHECK (classification IN
                                     ('systemVendor', 'cloudProvider', 'consultancy',
                                      'securityCompany', 'checkupProvider', 'translator',
                                      'printMail', 'disposalCompany', 'callCentre', 'nonprofit',
                                      'other')),
    classification_note          TEXT NOT NULL,
    work_description             TEXT NOT NULL,
    contract_reference           TEXT NOT NULL,
    contract_clauses             TEXT NOT NULL,
    -- The prior consent or approval for this tier: all four present, or none.
    approved_by                  TEXT,
    approved_on                  TEXT CHECK (approved_on IS NULL OR date(approved_on) IS approved_on),
    approval_form                TEXT CHECK (approval_form IS NULL OR approval_form IN
                                     ('writtenApproval', 'electronicApproval', 'contractClause',
                                      'internalDecision', 'oral')),
    approval_note                TEXT,
    supervision_method           TEXT NOT NULL CHECK (supervision_method IN
                                     ('onSiteAudit', 'writtenReport', 'questionnaire',
                                      'certificationCheck', 'indirectThroughParent', 'other')),
    supervision_frequency_months INTEGER NOT NULL CHECK (supervision_frequency_months BETWEEN 1 AND 60),
    last_check                   TEXT CHECK (last_check IS NULL OR date(last_check) IS last_check),
    next_check                   TEXT CHECK (next_check IS NULL OR date(next_check) IS next_check),
    findings                     TEXT NOT NULL,
    incident_notified_on         TEXT CHECK (incident_notified_on IS NULL
                                     OR date(incident_notified_on) IS incident_notified_on),
    incident_note                TEXT NOT NULL,
    notes                        TEXT NOT NULL,
    version                      INTEGER NOT NULL CHECK (version >= 1),
    created_at                   TEXT NOT NULL,
    updated_at                   TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK ((approved_by IS NULL) = (approved_on IS NULL)
       AND (approved_on IS NULL) = (approval_form IS NULL)
       AND (approval_form IS NULL) = (approval_note IS NULL)),
    CHECK (next_check IS NULL OR last_check IS NULL OR next_check > last_check)
) STRICT;
CREATE INDEX subcontractor_by_parent ON subcontractor (parent_id);

-- The data items entrusted to a tier: a subset of each holding's items. Pointing at the item
-- row keeps a holding from dropping an item that a subcontractor still handles.
CREATE TABLE subcontractor_item (
    subcontractor_id INTEGER NOT NULL REFERENCES subcontractor (id) ON DELETE CASCADE,
    holding_id       INTEGER NOT NULL REFERENCES holding (id),
    item_id          INTEGER NOT NULL REFERENCES holding_data_item (id),
    holding_position INTEGER NOT NULL CHECK (holding_position >= 0),
    item_position    INTEGER NOT NULL CHECK (item_position >= 0),
    PRIMARY KEY (subcontractor_id, item_id)
) STRICT;
CREATE INDEX subcontractor_item_by_holding ON subcontractor_item (holding_id);

-- A joint-use arrangement as it stands now; every published edition is kept in
-- joint_use_edition. Items, purposes and publication methods are JSON arrays.
CREATE TABLE joint_use (
    id                         INTEGER PRIMARY KEY,
    reference                  TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    title                      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    fact_statement             TEXT NOT NULL,
    items                      TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
    users_range                TEXT NOT NULL,
    purposes                   TEXT NOT NULL CHECK (json_valid(purposes) AND json_type(purposes) = 'array'),
    responsible_name           TEXT NOT NULL,
    responsible_address        TEXT NOT NULL,
    responsible_representative TEXT NOT NULL,
    publication_methods        TEXT NOT NULL CHECK (json_valid(publication_methods)
                                   AND json_type(publication_methods) = 'array'),
    published_on               TEXT CHECK (published_on IS NULL OR date(published_on) IS published_on),
    notes                      TEXT NOT NULL,
    version                    INTEGER NOT NULL CHECK (version >= 1),
    created_at                 TEXT NOT NULL,
    updated_at                 TEXT NOT NULL
) STRICT;

CREATE TABLE joint_use_holding (
    joint_use_id INTEGER NOT NULL REFERENCES joint_use (id) ON DELETE CASCADE,
    holding_id   INTEGER NOT NULL REFERENCES holding (id),
    position     INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (joint_use_id, holding_id)
) STRICT;
CREATE INDEX joint_use_holding_by_holding ON joint_use_holding (holding_id);

-- Each edition of the five statutory items as notified or published. Edition 1 is the
-- original and has no change; every later one says how the change was made known (art.
-- 27(6): without delay after, or in advance of, the change).
CREATE TABLE joint_use_edition (
    joint_use_id INTEGER NOT NULL REFERENCES joint_use (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    terms        TEXT NOT NULL CHECK (json_valid(terms) AND json_type(terms) = 'object'),
    change_kind  TEXT CHECK (change_kind IS NULL OR change_kind IN ('notifyWithoutDelay', 'notifyInAdvance')),
    notified_on  TEXT CHECK (notified_on IS NULL OR date(notified_on) IS notified_on),
    effective_on TEXT CHECK (effective_on IS NULL OR date(effective_on) IS effective_on),
    summary      TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (joint_use_id, number),
    CHECK ((number = 1) = (change_kind IS NULL)),
    CHECK ((change_kind IS NULL) = (notified_on IS NULL) AND (notified_on IS NULL) = (effective_on IS NULL))
) STRICT;

-- A provision to a third party in a foreign country (art. 28). `country` NULL means the
-- country could not be determined, and then the reason is required (PPC Rules art. 17(3)).
CREATE TABLE transfer (
    id                          INTEGER PRIMARY KEY,
    reference                   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    holding_id                  INTEGER NOT NULL REFERENCES holding (id),
    recipient                   TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
    subcontractor_id            INTEGER REFERENCES subcontractor (id),
    country                     TEXT CHECK (country IS NULL
                                    OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]' AND country <> 'JP')),
    country_undetermined_reason TEXT NOT NULL,
    basis                       TEXT NOT NULL CHECK (basis IN
                                    ('consent', 'equivalentMeasures', 'adequacy',
                                     'legalObligation', 'otherLaw')),
    measures_basis              TEXT CHECK (measures_basis IS NULL OR measures_basis IN
                                    ('contract', 'groupRules', 'cbpr')),
    legal_basis                 TEXT NOT NULL,
    items                       TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
    info_country_system         TEXT NOT NULL,
    info_recipient_measures     TEXT NOT NULL,
    info_given_on               TEXT CHECK (info_given_on IS NULL OR date(info_given_on) IS info_given_on),
    info_method                 TEXT NOT NULL,
    check_frequency_months      INTEGER CHECK (check_frequency_months IS NULL
                                    OR check_frequency_months BETWEEN 1 AND 60),
    last_check                  TEXT CHECK (last_check IS NULL OR date(last_check) IS last_check),
    next_check                  TEXT CHECK (next_check IS NULL OR date(next_check) IS next_check),
    check_results               TEXT NOT NULL,
    started_on                  TEXT CHECK (started_on IS NULL OR date(started_on) IS started_on),
    stopped_on                  TEXT CHECK (stopped_on IS NULL OR date(stopped_on) IS stopped_on),
    notes                       TEXT NOT NULL,
    version                     INTEGER NOT NULL CHECK (version >= 1),
    created_at                  TEXT NOT NULL,
    updated_at                  TEXT NOT NULL,
    CHECK (country IS NOT NULL OR length(trim(country_undetermined_reason)) > 0),
    CHECK ((basis = 'equivalentMeasures') = (measures_basis IS NOT NULL)),
    CHECK (next_check IS NULL OR last_check IS NULL OR next_check > last_check),
    CHECK (stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on)
) STRICT;
CREATE INDEX transfer_by_holding ON transfer (holding_id);
CREATE INDEX transfer_by_subcontractor ON transfer (subcontractor_id);
