-- Two records of the same human merged into one: the merged-away record stays as a tombstone pointing at the
-- survivor (its residences, phones and tags moved over), so its id and document still lead to the person.
ALTER TABLE population.person
    ADD COLUMN merged_into BIGINT REFERENCES population.person,
    ADD CONSTRAINT person_not_merged_into_itself CHECK (merged_into <> id);
CREATE INDEX person_merged_into_idx ON population.person (merged_into) WHERE merged_into IS NOT NULL;
