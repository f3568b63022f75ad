-- Daicho register: pseudonymised information held (仮名加工情報, APPI art. 41) and anonymised
-- information produced and provided (匿名加工情報, APPI arts. 43 and 44).
-- Released migrations are never edited: add a new numbered file instead.

CREATE TABLE pseudonymised_information (
    id                                  INTEGER PRIMARY KEY,
    name                                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    items                               TEXT NOT NULL CHECK (json_valid(items)
                                            AND json_type(items) = 'array'),
    processing_method                   TEXT NOT NULL,
    -- PPC Rules art. 31(i)-(iii): each measure must have been applied.
    identifying_descriptions_removed    INTEGER NOT NULL CHECK (identifying_descriptions_removed IN (0, 1)),
    identification_codes_removed        INTEGER NOT NULL CHECK (identification_codes_removed IN (0, 1)),
    financial_risk_descriptions_removed INTEGER NOT NULL CHECK (financial_risk_descriptions_removed IN (0, 1)),
    purposes                            TEXT NOT NULL CHECK (json_valid(purposes)
                                            AND json_type(purposes) = 'array'),
    -- Art. 41(4): empty until the purposes are published.
    purposes_published_on               TEXT CHECK (purposes_published_on IS NULL
                                            OR date(purposes_published_on) IS purposes_published_on),
    published_where                     TEXT NOT NULL,
    deleted_information_security        TEXT NOT NULL,
    erased_on                           TEXT CHECK (erased_on IS NULL
                                            OR date(erased_on) IS erased_on),
    shared_by_joint_use                 INTEGER NOT NULL CHECK (shared_by_joint_use IN (0, 1)),
    entrusted                           INTEGER NOT NULL CHECK (entrusted IN (0, 1)),
    sharing_notes                       TEXT NOT NULL,
    notes                               TEXT NOT NULL,
    version                             INTEGER NOT NULL CHECK (version >= 1),
    created_at                          TEXT NOT NULL,
    updated_at                          TEXT NOT NULL
) STRICT;

CREATE TABLE pseudonymised_information_holding (
    owner_id   INTEGER NOT NULL REFERENCES pseudonymised_information (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX pseudonymised_information_holding_by_holding
    ON pseudonymised_information_holding (holding_id);

CREATE TABLE anonymised_information (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
    items               TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
    produced_on         TEXT NOT NULL CHECK (date(produced_on) IS produced_on),
    -- Art. 43(3): empty until the items are published.
    items_published_on  TEXT CHECK (items_published_on IS NULL
                            OR date(items_published_on) IS items_published_on),
    published_where     TEXT NOT NULL,
    processing_security TEXT NOT NULL,
    notes               TEXT NOT NULL,
    version             INTEGER NOT NULL CHECK (version >= 1),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE anonymised_information_holding (
    owner_id   INTEGER NOT NULL REFERENCES anonymised_information (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (owner_id, holding_id),
    UNIQUE (owner_id, position)
) STRICT;
CREATE INDEX anonymised_information_holding_by_holding
    ON anonymised_information_holding (holding_id);

-- Art. 43(4): each provision to a third party, published in advance and stated to the
-- recipient as anonymised information.
CREATE TABLE anonymised_provision (
    owner_id            INTEGER NOT NULL REFERENCES anonymised_information (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL CHECK (position >= 0),
    recipient           TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
    provided_on         TEXT NOT NULL CHECK (date(provided_on) IS provided_on),
    method              TEXT NOT NULL,
    published_on        TEXT NOT NULL CHECK (date(published_on) IS published_on
                            AND published_on <= provided_on),
    stated_to_recipient INTEGER NOT NULL CHECK (stated_to_recipient = 1),
    PRIMARY KEY (owner_id, position)
) STRICT;
