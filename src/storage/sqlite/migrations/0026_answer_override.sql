-- Why a reply says something else than the published answer it names,
-- when the agent sent it despite the consistency warning.
ALTER TABLE messages ADD COLUMN answer_override TEXT;
