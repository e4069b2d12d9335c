-- 0002: a UUID per assessment, never reused (row IDs are, after a delete),
-- which every write names; and a revision that every write to the
-- assessment bumps, so a reader can tell cheaply that it changed.
-- Existing assessments get their UUID from backfillUUIDs (migrate.go),
-- derived from the row, so that a private copy migrated for a read-only
-- command gives the same UUIDs as the file's own migration later.

ALTER TABLE assessments ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
