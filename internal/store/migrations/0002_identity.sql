-- 0002: a UUID per assessment, never reused (row IDs are, after a delete),
-- which every write names; and a revision that every write to the
-- assessment bumps, so a reader can tell cheaply that it changed.

ALTER TABLE assessments ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- Existing assessments get a random (version 4) UUID.
UPDATE assessments SET uuid = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||
    hex(randomblob(6)));

CREATE UNIQUE INDEX assessments_uuid ON assessments (uuid);
