-- Search speed (docs/benchmarks.md "Person search"): the person row carries where the person currently lives, so a
-- search finds name key and scope in one GIN scan instead of checking every name match's residences.
--
-- residence_keys: every node code on the paths of the person's current residences (a scope path covers a residence
-- exactly when the residence's path contains the scope node's code, codes being unique) and each current
-- residence type (OWNER, TENANT …). Kept by the statement triggers below, so every writer of residences (intake,
-- import, merge, the address tree's moves through ResidencePaths) keeps it right without knowing it exists.
ALTER TABLE population.person ADD COLUMN residence_keys TEXT[] NOT NULL DEFAULT '{}';

-- The last time an officer confirmed the person lives there (核查); null = not since registration (started_at).
ALTER TABLE population.residence
    ADD COLUMN verified_at TIMESTAMPTZ,
    ADD COLUMN verified_by TEXT;

-- The keys of the given persons, set-based (one statement however many persons a bulk write touched).
CREATE FUNCTION population.residence_keys_for(ids BIGINT[]) RETURNS TABLE (person_id BIGINT, keys TEXT[])
    LANGUAGE sql STABLE AS
$$
SELECT c.id, coalesce(k.keys, '{}')
FROM unnest(ids) AS c(id)
LEFT JOIN (SELECT r.person_id, array_agg(DISTINCT x ORDER BY x) AS keys
           FROM population.residence r
           CROSS JOIN LATERAL unnest(string_to_array(r.node_path::text, '.') || r.residence_type) AS x
           WHERE r.person_id = ANY (ids) AND r.moved_out IS NULL
           GROUP BY r.person_id) k ON k.person_id = c.id
$$;

CREATE FUNCTION population.refresh_residence_keys() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    ids BIGINT[];
BEGIN
    -- Only this event's transition tables exist; plpgsql plans each branch when it first runs.
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT person_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT x.person_id) INTO ids
        FROM (SELECT person_id FROM new_rows UNION ALL SELECT person_id FROM old_rows) x;
    ELSE
        SELECT array_agg(DISTINCT person_id) INTO ids FROM old_rows;
    END IF;
    -- unchanged keys (a loader that wrote them already, a verification) are not rewritten
    UPDATE population.person p SET residence_keys = k.keys
    FROM population.residence_keys_for(ids) k
    WHERE p.id = k.person_id AND NOT (p.residence_keys @> k.keys AND p.residence_keys <@ k.keys);
    RETURN NULL;
END
$$;

CREATE TRIGGER residence_keys_insert AFTER INSERT ON population.residence
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION population.refresh_residence_keys();
CREATE TRIGGER residence_keys_update AFTER UPDATE ON population.residence
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION population.refresh_residence_keys();
CREATE TRIGGER residence_keys_delete AFTER DELETE ON population.residence
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION population.refresh_residence_keys();

UPDATE population.person p SET residence_keys = k.keys
FROM population.residence_keys_for(ARRAY(SELECT DISTINCT person_id FROM population.residence WHERE moved_out IS NULL)) k
WHERE p.id = k.person_id;

-- Name key and scope in one multi-column GIN scan (GIN intersects the two keys' posting lists, skipping ahead);
-- a multi-column GIN index also answers conditions on residence_keys alone.
DROP INDEX population.person_name_pieces_idx;
CREATE INDEX person_name_pieces_idx ON population.person USING gin (name_pieces, residence_keys);
DROP INDEX population.person_name_keys_idx;
CREATE INDEX person_name_keys_idx ON population.person USING gin (array_to_tsvector(name_keys), residence_keys);
