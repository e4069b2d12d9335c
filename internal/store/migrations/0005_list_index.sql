-- A covering index for List: the home screen and `gapmap list` read every
-- assessment's summary columns in this order. Without it each row's scope
-- (a few KB of JSON stored inline) is read too, about one page an
-- assessment.
CREATE INDEX assessments_list ON assessments (
    updated_at DESC, name, id, uuid, revision, organization, questionnaire_id,
    applicable, answered, progress, readiness, auditable
);
