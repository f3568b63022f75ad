-- Daicho register, schema version 3: the large-volume special track for public bodies
-- (開示決定等の期限の特例, APPI art. 84): the reason and day the requester was told, and the
-- date the organ fixed for deciding the rest.
-- Released migrations are never edited: add a new numbered file instead.

ALTER TABLE request ADD COLUMN large_volume_reason TEXT;

ALTER TABLE request ADD COLUMN large_volume_notified_on TEXT
    CHECK (large_volume_notified_on IS NULL
           OR (date(large_volume_notified_on) IS large_volume_notified_on
               AND large_volume_notified_on >= received_on));

-- All or nothing, after the notice, and never together with an ordinary extension.
ALTER TABLE request ADD COLUMN large_volume_remainder_by TEXT
    CHECK ((large_volume_remainder_by IS NULL
            OR (date(large_volume_remainder_by) IS large_volume_remainder_by
                AND large_volume_remainder_by >= large_volume_notified_on))
       AND (large_volume_reason IS NULL) = (large_volume_notified_on IS NULL)
       AND (large_volume_reason IS NULL) = (large_volume_remainder_by IS NULL)
       AND (large_volume_reason IS NULL OR extension_reason IS NULL));

-- The timeline gains two kinds of entry. SQLite cannot change a CHECK in place, so the table
-- is rebuilt with the same columns and ids, then its index and append-only trigger restored.
CREATE TABLE request_event_v3 (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN
                    ('received', 'receiptDateCorrected', 'identityCheckStarted', 'identityConfirmed',
                     'paused', 'resumed',
                     'pauseRemoved', 'extended', 'extensionRemoved',
                     'largeVolumeNotified', 'largeVolumeRemoved', 'decided', 'notified',
                     'closed', 'withdrawn')),
    occurred_on TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
    -- The request's status once the step was taken.
    status      TEXT NOT NULL CHECK (status IN
                    ('received', 'identityCheck', 'underReview', 'decided', 'notified',
                     'closed', 'withdrawn')),
    note        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
INSERT INTO request_event_v3 (id, request_id, kind, occurred_on, status, note, actor, recorded_at)
    SELECT id, request_id, kind, occurred_on, status, note, actor, recorded_at FROM request_event;
DROP TABLE request_event;
ALTER TABLE request_event_v3 RENAME TO request_event;
CREATE INDEX request_event_by_request ON request_event (request_id);

CREATE TRIGGER request_event_no_update BEFORE UPDATE ON request_event
BEGIN
    SELECT RAISE(ABORT, 'request_event is append-only');
END;
