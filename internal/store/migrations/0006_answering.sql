-- Who is answering in the full-screen program, kept per assessment, so a
-- workshop that resumes next week records answers under the same name
-- rather than the login name of whoever opens it.
ALTER TABLE assessments ADD COLUMN answering TEXT NOT NULL DEFAULT '';
