-- 0001: assessments with their listing summary, answers, and answer history.
-- Times are UTC text with nine fractional digits, so text order is time order.

CREATE TABLE assessments (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    updated_at       TEXT    NOT NULL,
    -- The summary is kept here so the home screen never reads answers.
    organization     TEXT    NOT NULL DEFAULT '',
    questionnaire_id TEXT    NOT NULL,
    applicable       INTEGER NOT NULL DEFAULT 0,
    answered         INTEGER NOT NULL DEFAULT 0,
    progress         REAL    NOT NULL DEFAULT 0,
    readiness        REAL    NOT NULL DEFAULT 0,
    created_at       TEXT    NOT NULL,
    -- JSON of assessment.Scope, []questionnaire.Category, assessment.Target;
    -- last, so listing never reads past the columns it needs.
    scope            TEXT    NOT NULL,
    categories       TEXT    NOT NULL,
    target           TEXT    NOT NULL
) STRICT;

CREATE INDEX assessments_recent ON assessments (updated_at DESC, name);

CREATE TABLE answers (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT    NOT NULL CHECK (question_id <> ''),
    value         TEXT    NOT NULL,
    note          TEXT    NOT NULL DEFAULT '',
    evidence      TEXT    NOT NULL DEFAULT '',
    owner         TEXT    NOT NULL DEFAULT '',
    flagged       INTEGER NOT NULL DEFAULT 0,
    answered_by   TEXT    NOT NULL DEFAULT '',
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE history (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT    NOT NULL,
    old_value     TEXT    NOT NULL,
    new_value     TEXT    NOT NULL,
    who           TEXT    NOT NULL,
    at            TEXT    NOT NULL
) STRICT;

CREATE INDEX history_by_assessment ON history (assessment_id, id);
