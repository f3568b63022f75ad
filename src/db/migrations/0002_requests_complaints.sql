-- Daicho register, schema version 2: requests from individuals (開示等の請求), complaints
-- (苦情), and the organisation's deadline settings.
-- Released migrations are never edited: add a new numbered file instead.

-- How the organisation counts request deadlines. One row at most. While there is none the core
-- applies the defaults (closed 12/29–1/3, the statutory periods, a 14-day private target)
-- rather than this migration inserting them, so that every stored row has its audit entry.
-- Once saved, the stored closures are used exactly as they are: an empty list means none.
CREATE TABLE deadline_settings (
    id                       INTEGER PRIMARY KEY CHECK (id = 1),
    -- A local ordinance may shorten the 30-day periods, never lengthen them (PPC FAQ Q5-6-1).
    ordinance_decision_days  INTEGER CHECK (ordinance_decision_days IS NULL
                                 OR ordinance_decision_days BETWEEN 1 AND 30),
    ordinance_extension_days INTEGER CHECK (ordinance_extension_days IS NULL
                                 OR ordinance_extension_days BETWEEN 1 AND 30),
    -- A private operator's own reading of "without delay" (遅滞なく), arts. 32–35.
    private_target_days      INTEGER NOT NULL CHECK (private_target_days BETWEEN 1 AND 365),
    version                  INTEGER NOT NULL CHECK (version >= 1),
    updated_at               TEXT NOT NULL
) STRICT;

-- Closures recurring every year, both ends included; a range whose start is after its end
-- wraps over the new year (12/29–1/3). Kept in the order entered.
CREATE TABLE closure_range (
    id          INTEGER PRIMARY KEY,
    settings_id INTEGER NOT NULL DEFAULT 1 REFERENCES deadline_settings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    from_month  INTEGER NOT NULL,
    from_day    INTEGER NOT NULL,
    to_month    INTEGER NOT NULL,
    to_day      INTEGER NOT NULL,
    UNIQUE (settings_id, position),
    -- A day of a leap year, so that 2/29 is accepted and 2/30 is not.
    CHECK (date(printf('2000-%02d-%02d', from_month, from_day))
           IS printf('2000-%02d-%02d', from_month, from_day)),
    CHECK (date(printf('2000-%02d-%02d', to_month, to_day))
           IS printf('2000-%02d-%02d', to_month, to_day))
) STRICT;

-- Single closure days (an office move, a system changeover).
CREATE TABLE closure_date (
    closed_on   TEXT PRIMARY KEY CHECK (date(closed_on) IS closed_on),
    settings_id INTEGER NOT NULL DEFAULT 1 REFERENCES deadline_settings (id) ON DELETE CASCADE
) STRICT;

-- A request by an individual about their own information: purpose notification, disclosure,
-- correction, suspension (APPI arts. 32–35, 76–103) or a GDPR right (Arts. 15–21). The
-- process columns are written only through the core's steps; the CHECKs below repeat the
-- state machine so that a file edited behind the app's back cannot claim an impossible state.
CREATE TABLE request (
    id                    INTEGER PRIMARY KEY,
    reference             TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    request_type          TEXT NOT NULL CHECK (request_type IN
                              ('purposeNotification', 'disclosure', 'provisionRecordDisclosure',
                               'correction', 'suspensionOrErasure', 'stopThirdPartyProvision',
                               'gdprAccess', 'gdprRectification', 'gdprErasure', 'gdprRestriction',
                               'gdprPortability', 'gdprObjection')),
    -- The rules the request is handled under, fixed from the regime when it was received so
    -- that a later change of regime does not rewrite past deadlines.
    track                 TEXT NOT NULL CHECK (track IN
                              ('privateOperator', 'nationalOrgan', 'localGovernment', 'gdpr')),
    received_on           TEXT NOT NULL CHECK (date(received_on) IS received_on),
    channel               TEXT NOT NULL CHECK (channel IN ('counter', 'post', 'email', 'web', 'phone')),
    requester_name        TEXT NOT NULL CHECK (length(trim(requester_name)) > 0),
    requester_contact     TEXT NOT NULL,
    agent                 TEXT NOT NULL CHECK (agent IN
                              ('none', 'legalRepresentative', 'attorney', 'other')),
    agent_name            TEXT NOT NULL,
    description           TEXT NOT NULL,
    requested_method      TEXT CHECK (requested_method IS NULL OR requested_method IN
                              ('writing', 'electronic', 'inspection', 'copyDelivery', 'oral')),
    fee_yen               INTEGER CHECK (fee_yen IS NULL OR fee_yen >= 0),
    notes                 TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN
                              ('received', 'identityCheck', 'underReview', 'decided', 'notified',
                               'closed', 'withdrawn')),
    identity_documents    TEXT CHECK (identity_documents IS NULL
                              OR (json_valid(identity_documents) AND json_type(identity_documents) = 'array')),
    identity_checked_by   TEXT,
    identity_checked_on   TEXT CHECK (identity_checked_on IS NULL
                              OR date(identity_checked_on) IS identity_checked_on),
    extension_reason      TEXT,
    extension_notified_on TEXT CHECK (extension_notified_on IS NULL
                              OR date(extension_notified_on) IS extension_notified_on),
    decision_outcome      TEXT CHECK (decision_outcome IS NULL OR decision_outcome IN
                              ('full', 'partial', 'refusal', 'notHeld', 'neitherConfirmNorDeny')),
    decided_on            TEXT CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
    decision_grounds      TEXT CHECK (decision_grounds IS NULL
                              OR (json_valid(decision_grounds) AND json_type(decision_grounds) = 'array')),
    decision_reason       TEXT,
    response_method       TEXT CHECK (response_method IS NULL OR response_method IN
                              ('writing', 'electronic', 'inspection', 'copyDelivery', 'oral')),
    responded_on          TEXT CHECK (responded_on IS NULL OR date(responded_on) IS responded_on),
    -- The day the request was closed or withdrawn.
    closed_on             TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    version               INTEGER NOT NULL CHECK (version >= 1),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    -- Each recorded step is all or nothing.
    CHECK ((identity_documents IS NULL) = (identity_checked_by IS NULL)
       AND (identity_documents IS NULL) = (identity_checked_on IS NULL)),
    CHECK ((extension_reason IS NULL) = (extension_notified_on IS NULL)),
    CHECK ((decision_outcome IS NULL) = (decided_on IS NULL)
       AND (decision_outcome IS NULL) = (decision_grounds IS NULL)
       AND (decision_outcome IS NULL) = (decision_reason IS NULL)),
    CHECK ((response_method IS NULL) = (responded_on IS NULL)),
    -- The status says which steps have been recorded.
    CHECK (status IN ('received', 'identityCheck', 'withdrawn') OR identity_checked_on IS NOT NULL),
    CHECK (status NOT IN ('decided', 'notified', 'closed') OR decision_outcome IS NOT NULL),
    CHECK (status NOT IN ('received', 'identityCheck', 'underReview') OR decision_outcome IS NULL),
    CHECK ((status IN ('notified', 'closed')) = (responded_on IS NOT NULL)),
    CHECK ((status IN ('closed', 'withdrawn')) = (closed_on IS NOT NULL)),
    -- Nothing happens before the request arrives, and the answer follows the decision.
    CHECK (identity_checked_on IS NULL OR identity_checked_on >= received_on),
    CHECK (extension_notified_on IS NULL OR extension_notified_on >= received_on),
    CHECK (decided_on IS NULL OR decided_on >= received_on),
    CHECK (responded_on IS NULL OR responded_on >= decided_on),
    CHECK (closed_on IS NULL OR closed_on >= received_on)
) STRICT;

-- The holdings a request concerns, in the order entered. No cascade from holding: a holding
-- that a request names cannot be deleted (the core says which requests name it).
CREATE TABLE request_holding (
    request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    holding_id INTEGER NOT NULL REFERENCES holding (id),
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (request_id, holding_id),
    UNIQUE (request_id, position)
) STRICT;
CREATE INDEX request_holding_by_holding ON request_holding (holding_id);

-- Days the clock stops: from the day the office asked for identity documents or for a
-- correction of the request (補正) to the day they arrived. An open pause has no end yet.
CREATE TABLE request_pause (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    starts_on  TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on    TEXT CHECK (ends_on IS NULL OR (date(ends_on) IS ends_on AND ends_on >= starts_on)),
    reason     TEXT NOT NULL CHECK (reason IN ('identityDocuments', 'correction')),
    note       TEXT NOT NULL
) STRICT;
CREATE INDEX request_pause_by_request ON request_pause (request_id);
-- A request waits for one thing at a time.
CREATE UNIQUE INDEX request_pause_one_open ON request_pause (request_id) WHERE ends_on IS NULL;

-- The request's timeline, written by the core as each step is recorded. Entries are never
-- rewritten; a step entered in error is undone by a later entry saying so.
CREATE TABLE request_event (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES request (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN
                    ('received', 'receiptDateCorrected', 'identityCheckStarted', 'identityConfirmed',
                     'paused', 'resumed',
                     'pauseRemoved', 'extended', 'extensionRemoved', 'decided', 'notified',
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
CREATE INDEX request_event_by_request ON request_event (request_id);

CREATE TRIGGER request_event_no_update BEFORE UPDATE ON request_event
BEGIN
    SELECT RAISE(ABORT, 'request_event is append-only');
END;

-- A complaint about the organisation's handling of personal information (APPI art. 40, and
-- the complaint records JIS Q 15001 asks for). Links to other records are tables of their own (complaint_holding here),
-- so a later migration links complaints to entrustees the same way without rewriting this one.
CREATE TABLE complaint (
    id                  INTEGER PRIMARY KEY,
    reference           TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    received_on         TEXT NOT NULL CHECK (date(received_on) IS received_on),
    channel             TEXT NOT NULL CHECK (channel IN ('counter', 'post', 'email', 'web', 'phone')),
    -- Empty when the complainant stayed anonymous.
    complainant         TEXT NOT NULL,
    complainant_contact TEXT NOT NULL,
    subject             TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    description         TEXT NOT NULL,
    resolution          TEXT NOT NULL,
    closed_on           TEXT CHECK (closed_on IS NULL
                            OR (date(closed_on) IS closed_on AND closed_on >= received_on)),
    version             INTEGER NOT NULL CHECK (version >= 1),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    -- A complaint is closed only with its resolution written down.
    CHECK (closed_on IS NULL OR length(trim(resolution)) > 0)
) STRICT;

CREATE TABLE complaint_holding (
    complaint_id INTEGER NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    holding_id   INTEGER NOT NULL REFERENCES holding (id),
    position     INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (complaint_id, holding_id),
    UNIQUE (complaint_id, position)
) STRICT;
CREATE INDEX complaint_holding_by_holding ON complaint_holding (holding_id);

-- What was done about a complaint, when and by whom.
CREATE TABLE complaint_action (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    taken_on     TEXT NOT NULL CHECK (date(taken_on) IS taken_on),
    description  TEXT NOT NULL CHECK (length(trim(description)) > 0),
    taken_by     TEXT NOT NULL CHECK (length(trim(taken_by)) > 0)
) STRICT;
CREATE INDEX complaint_action_by_complaint ON complaint_action (complaint_id);
