-- 0004: "auditable today" (the severity-weighted share answered in place
-- with evidence) beside readiness ("controls in place") in the summary
-- columns that 'gapmap list' and the home screen read without loading
-- answers. NULL for an assessment last written before this step: unknown
-- until its next save, and shown as such.

ALTER TABLE assessments ADD COLUMN auditable REAL;
