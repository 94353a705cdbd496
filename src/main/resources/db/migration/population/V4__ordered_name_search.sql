-- Search speed of broad queries (docs/benchmarks.md "Person search"): 王, jh or zeng match 10⁴–10⁵ persons, and a
-- GIN index hands over all of them before a LIMIT can stop. These btrees hold the matches in the order the search
-- ranks them, so a page is read from the front and the scan stops after it.

-- Names by first character, shortest first: the prefix matches of a one-character query (王) in rank order.
CREATE INDEX person_name_first_idx ON population.person (left(name, 1), length(name), name, id);

-- One row per person and name key (full-pinyin spelling or initials, as person.name_keys): the exact matches of a
-- pinyin query (jh) in rank order, and its prefix matches (zeng…) in key order. Kept by the triggers below,
-- so every writer of persons (intake, import, merge, the demo loader) keeps it right without knowing it exists.
CREATE TABLE population.person_name_key
(
    person_id   BIGINT           NOT NULL,
    key         TEXT COLLATE "C" NOT NULL,
    name_length INT              NOT NULL,
    name        TEXT             NOT NULL,
    PRIMARY KEY (person_id, key)
);
CREATE INDEX person_name_key_idx ON population.person_name_key (key, name_length, name, person_id);

CREATE FUNCTION population.refresh_person_name_keys() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    -- Only this event's transition tables exist; plpgsql plans each branch when it first runs.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO population.person_name_key (person_id, key, name_length, name)
        SELECT DISTINCT n.id, k, length(n.name), n.name FROM new_rows n CROSS JOIN LATERAL unnest(n.name_keys) k
        ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM population.person_name_key k USING old_rows o WHERE k.person_id = o.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_name_keys_insert AFTER INSERT ON population.person
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION population.refresh_person_name_keys();
-- A rename or new keys: a row trigger that fires only when an UPDATE sets name or name_keys and the value changed.
-- Not a statement trigger with transition tables: those fire on every UPDATE of person (V3 rewrites residence_keys
-- of 100,000 persons in one statement during an import), and joining its old and new rows cost minutes.
CREATE FUNCTION population.refresh_person_name_keys_of_row() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM population.person_name_key WHERE person_id = NEW.id;
    INSERT INTO population.person_name_key (person_id, key, name_length, name)
    SELECT DISTINCT NEW.id, k, length(NEW.name), NEW.name FROM unnest(NEW.name_keys) k;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_name_keys_update AFTER UPDATE OF name, name_keys ON population.person
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_keys IS DISTINCT FROM NEW.name_keys)
    EXECUTE FUNCTION population.refresh_person_name_keys_of_row();
CREATE TRIGGER person_name_keys_delete AFTER DELETE ON population.person
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION population.refresh_person_name_keys();

INSERT INTO population.person_name_key (person_id, key, name_length, name)
SELECT DISTINCT p.id, k, length(p.name), p.name FROM population.person p CROSS JOIN LATERAL unnest(p.name_keys) k;
