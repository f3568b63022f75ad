-- Daicho register: an incident caused at a subcontractor links the tier (委託先 or 再委託先) it
-- happened at, so the incident and the subcontracting chain point at each other and a tier an
-- incident names cannot be deleted.
-- Released migrations are never edited: add a new numbered file instead.

-- `entrusted_party` stays: it keeps the name as the report gave it, and names an entrusted
-- party that is not (yet) in the register.
ALTER TABLE incident ADD COLUMN entrustee_id INTEGER REFERENCES subcontractor (id)
    CHECK (entrustee_id IS NULL OR perpetrator = 'subcontractor');

CREATE INDEX incident_by_entrustee ON incident (entrustee_id);
