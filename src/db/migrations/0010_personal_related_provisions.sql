-- Daicho register: records of providing personal-related information (個人関連情報) to a
-- recipient who will acquire it as personal data, with the confirmation that the person
-- consented (APPI art. 31; PPC Rules arts. 26–29). They share the provision record table: the
-- record items of Rules art. 28(1) are a subset of art. 20(1)'s, less the persons.
-- Released migrations are never edited: add a new numbered file instead.

-- Every existing record is a record of personal data.
ALTER TABLE provision_record ADD COLUMN information TEXT NOT NULL DEFAULT 'personalData'
    CHECK (information IN ('personalData', 'personalRelated'));
-- How the provider confirmed the recipient's consent from the person (Rules art. 26).
ALTER TABLE provision_record ADD COLUMN consent_confirmation_method TEXT NOT NULL DEFAULT '';
-- For a recipient abroad: confirmed that the person was given the information on the
-- country's system (art. 31(1)(ii)).
ALTER TABLE provision_record ADD COLUMN foreign_information_confirmed INTEGER NOT NULL DEFAULT 0
    CHECK (foreign_information_confirmed IN (0, 1));
