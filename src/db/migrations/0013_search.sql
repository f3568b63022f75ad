-- Search across the register (issue 16 item 3). Each record the search finds is one or more
-- entries (a holding is found by itself and by each of its data items); what a result shows is
-- kept here, and the words it is found by go into the full-text index below under the same
-- rowid. Both live in the register file, so they are encrypted with it, and the write path
-- replaces a record's entries in the same transaction as the record itself.
CREATE TABLE search_entry (
    id        INTEGER PRIMARY KEY,
    -- The record whose write owns the entry (`holding`, `request`, ...), by audit entity code.
    owner     TEXT NOT NULL,
    owner_id  INTEGER NOT NULL,
    -- The section the result is listed under (`dataItem` for a holding's item).
    section   TEXT NOT NULL,
    title     TEXT NOT NULL,
    detail    TEXT NOT NULL
) STRICT;
CREATE INDEX search_entry_owner ON search_entry (owner, owner_id);

-- Tokens come from Rust (src/model/search.rs), not from an SQLite tokenizer: unicode61 keeps
-- an unbroken Japanese run as one token and trigram cannot match one or two characters, so
-- Japanese runs are indexed as overlapping bigrams (`words`, queried as a phrase) and as
-- single characters (`chars`, for one-character queries); Latin words and numbers stay whole.
-- `section` holds the entry's section code, so a query per section intersects in the index.
-- Contentless: the text the tokens came from is already in the records.
CREATE VIRTUAL TABLE search_index USING fts5 (
    section, words, chars,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Whether the index holds every record: 0 until the register first opens with this schema and
-- indexes what was written before it; the write path keeps it current from then on.
CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    built   INTEGER NOT NULL CHECK (built IN (0, 1))
) STRICT;
INSERT INTO search_state (id, built) VALUES (1, 0);
