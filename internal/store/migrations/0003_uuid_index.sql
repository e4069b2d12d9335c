-- 0003: UUIDs are unique and looked up by every write.

CREATE UNIQUE INDEX assessments_uuid ON assessments (uuid);
