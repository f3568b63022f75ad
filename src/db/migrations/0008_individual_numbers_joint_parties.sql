-- Daicho register: the Individual Number affairs a holding serves and how the number is
-- masked or deleted (番号法 arts. 9, 20); joint uses with several responsible parties and an
-- inquiry contact (APPI art. 27(5)(iii)).
-- Released migrations are never edited: add a new numbered file instead.

-- The affairs as a JSON array of {kind, description}; the model checks the kinds.
ALTER TABLE holding ADD COLUMN number_affairs TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(number_affairs) AND json_type(number_affairs) = 'array');
ALTER TABLE holding ADD COLUMN number_masking TEXT
    CHECK (number_masking IS NULL OR number_masking IN
        ('maskedInCopies', 'deletedAfterAffair', 'notApplicable'));
ALTER TABLE holding ADD COLUMN number_masking_note TEXT
    CHECK ((number_masking IS NULL) = (number_masking_note IS NULL));

-- Each responsible party of an arrangement's current terms, in the order the notice lists
-- them. The editions keep theirs inside their JSON terms.
CREATE TABLE joint_use_party (
    joint_use_id   INTEGER NOT NULL REFERENCES joint_use (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    name           TEXT NOT NULL,
    address        TEXT NOT NULL,
    representative TEXT NOT NULL,
    PRIMARY KEY (joint_use_id, position)
) STRICT;

-- The one party an arrangement had becomes the first of its list; a draft with none of the
-- three filled in names nobody. The model reads older documents by the same rule.
INSERT INTO joint_use_party (joint_use_id, position, name, address, representative)
    SELECT id, 0, responsible_name, responsible_address, responsible_representative
    FROM joint_use
    WHERE responsible_name <> '' OR responsible_address <> '' OR responsible_representative <> '';

UPDATE joint_use_edition
SET terms = json_set(
        json_remove(terms, '$.responsibleName', '$.responsibleAddress',
                    '$.responsibleRepresentative'),
        '$.responsibleParties',
        CASE WHEN coalesce(json_extract(terms, '$.responsibleName'), '') <> ''
                  OR coalesce(json_extract(terms, '$.responsibleAddress'), '') <> ''
                  OR coalesce(json_extract(terms, '$.responsibleRepresentative'), '') <> ''
             THEN json_array(json_object(
                 'name', coalesce(json_extract(terms, '$.responsibleName'), ''),
                 'address', coalesce(json_extract(terms, '$.responsibleAddress'), ''),
                 'representative', coalesce(json_extract(terms, '$.responsibleRepresentative'), '')))
             ELSE json_array()
        END)
WHERE json_type(terms, '$.responsibleParties') IS NULL;

ALTER TABLE joint_use DROP COLUMN responsible_name;
ALTER TABLE joint_use DROP COLUMN responsible_address;
ALTER TABLE joint_use DROP COLUMN responsible_representative;

-- 問合せ窓口: not one of the five items, so it is kept beside them rather than in the editions.
ALTER TABLE joint_use ADD COLUMN inquiry_contact TEXT NOT NULL DEFAULT '';
