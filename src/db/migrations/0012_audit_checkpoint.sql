-- The verified checkpoint (issue 20): the last audit entry a full verification walked to and
-- found intact, by sequence number and hash. Opening the register verifies only the entries
-- after it (their links and the records they speak of) and that the entry at the checkpoint
-- still has this hash, so an open no longer walks the whole history; `daicho verify --full`
-- and the app's Settings verification walk everything and move it forward. One row at most.
CREATE TABLE audit_checkpoint (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    hash        BLOB NOT NULL CHECK (length(hash) = 32),
    verified_at TEXT NOT NULL
) STRICT;
