-- Daicho register: the management system around the register (issue 17): risk assessments per
-- holding (JIS Q 15001 6.1.2 / A.3.3.3), training courses and sessions (7.2, 7.3 / A.3.4.5),
-- internal audits (9.2 / A.3.7.2), corrective actions (10.1 / A.3.8) and management reviews
-- (9.3 / A.3.9). Released migrations are never edited: add a new numbered file instead.
-- The lists inside a record (risks, attendees, checklist, findings, decisions) are JSON arrays:
-- they are read and written with the record as a whole and never queried on their own.

-- One assessment of one holding's risks, stage by stage. A holding is assessed again by adding
-- a new assessment; the newest is the current one.
CREATE TABLE risk_assessment (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    holding_id         INTEGER NOT NULL REFERENCES holding (id),
    assessed_on        TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
    assessed_by        TEXT NOT NULL CHECK (length(trim(assessed_by)) > 0),
    risks              TEXT NOT NULL CHECK (json_valid(risks) AND json_type(risks) = 'array'),
    accepted_by        TEXT NOT NULL,
    accepted_on        TEXT CHECK (accepted_on IS NULL OR date(accepted_on) IS accepted_on),
    next_assessment_on TEXT CHECK (next_assessment_on IS NULL
                           OR (date(next_assessment_on) IS next_assessment_on
                               AND next_assessment_on > assessed_on)),
    notes              TEXT NOT NULL,
    version            INTEGER NOT NULL CHECK (version >= 1),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX risk_assessment_by_holding ON risk_assessment (holding_id);

-- A course staff are trained on, with the people it is required of (by department).
CREATE TABLE training_course (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    subject     TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    audience    TEXT NOT NULL,
    materials   TEXT NOT NULL,
    yearly      INTEGER NOT NULL CHECK (yearly IN (0, 1)),
    trainees    TEXT NOT NULL CHECK (json_valid(trainees) AND json_type(trainees) = 'array'),
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- One session of a course: when, by whom, who attended, completed, and scored.
CREATE TABLE training_session (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    course_id   INTEGER NOT NULL REFERENCES training_course (id),
    held_on     TEXT NOT NULL CHECK (date(held_on) IS held_on),
    trainer     TEXT NOT NULL CHECK (length(trim(trainer)) > 0),
    pass_mark   INTEGER CHECK (pass_mark IS NULL OR pass_mark BETWEEN 0 AND 100),
    attendees   TEXT NOT NULL CHECK (json_valid(attendees) AND json_type(attendees) = 'array'),
    notes       TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX training_session_by_course ON training_session (course_id);

-- One internal audit of the yearly plan: scope, auditor, checklist and graded findings.
CREATE TABLE internal_audit (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    planned_on         TEXT NOT NULL CHECK (date(planned_on) IS planned_on),
    performed_on       TEXT CHECK (performed_on IS NULL OR date(performed_on) IS performed_on),
    scope              TEXT NOT NULL CHECK (length(trim(scope)) > 0),
    departments        TEXT NOT NULL CHECK (json_valid(departments)
                           AND json_type(departments) = 'array'),
    auditor            TEXT NOT NULL CHECK (length(trim(auditor)) > 0),
    auditor_department TEXT NOT NULL CHECK (length(trim(auditor_department)) > 0),
    checklist          TEXT NOT NULL CHECK (json_valid(checklist) AND json_type(checklist) = 'array'),
    findings           TEXT NOT NULL CHECK (json_valid(findings) AND json_type(findings) = 'array'),
    summary            TEXT NOT NULL,
    version            INTEGER NOT NULL CHECK (version >= 1),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;

-- A corrective (or preventive) action raised from an audit finding, an incident or a
-- complaint, or on its own; its cause, action, owner, due and done dates, and the check of
-- its effectiveness.
CREATE TABLE corrective_action (
    id                INTEGER PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    source            TEXT NOT NULL CHECK (source IN
                          ('auditFinding', 'incident', 'complaint', 'other')),
    audit_id          INTEGER REFERENCES internal_audit (id),
    finding_number    INTEGER CHECK (finding_number IS NULL OR finding_number >= 1),
    incident_id       INTEGER REFERENCES incident (id),
    complaint_id      INTEGER REFERENCES complaint (id),
    preventive        INTEGER NOT NULL CHECK (preventive IN (0, 1)),
    raised_on         TEXT NOT NULL CHECK (date(raised_on) IS raised_on),
    problem           TEXT NOT NULL CHECK (length(trim(problem)) > 0),
    cause             TEXT NOT NULL,
    action            TEXT NOT NULL,
    owner             TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    department        TEXT NOT NULL,
    due_on            TEXT NOT NULL CHECK (date(due_on) IS due_on),
    done_on           TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    checked_on        TEXT CHECK (checked_on IS NULL OR date(checked_on) IS checked_on),
    effective         INTEGER CHECK (effective IS NULL OR effective IN (0, 1)),
    check_note        TEXT NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((source = 'auditFinding') = (audit_id IS NOT NULL AND finding_number IS NOT NULL)),
    CHECK ((source = 'incident') = (incident_id IS NOT NULL)),
    CHECK ((source = 'complaint') = (complaint_id IS NOT NULL)),
    CHECK ((checked_on IS NULL) = (effective IS NULL))
) STRICT;
CREATE INDEX corrective_action_by_audit ON corrective_action (audit_id);

-- A review of the whole system by top management: the inputs the standard lists and the
-- decisions taken.
CREATE TABLE management_review (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
    held_on     TEXT NOT NULL CHECK (date(held_on) IS held_on),
    chaired_by  TEXT NOT NULL CHECK (length(trim(chaired_by)) > 0),
    attendees   TEXT NOT NULL CHECK (json_valid(attendees) AND json_type(attendees) = 'array'),
    inputs      TEXT NOT NULL CHECK (json_valid(inputs) AND json_type(inputs) = 'object'),
    decisions   TEXT NOT NULL CHECK (json_valid(decisions) AND json_type(decisions) = 'array'),
    version     INTEGER NOT NULL CHECK (version >= 1),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
