-- Where a scoped row's node path goes when the address tree moves the subtree old_root to new_root: every module
-- that stores node paths re-paths with it (a row on the moved node itself takes new_root; subpath() past the end
-- would fail).
CREATE FUNCTION repath(path ltree, old_root ltree, new_root ltree) RETURNS ltree
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN nlevel(path) = nlevel(old_root) THEN new_root ELSE new_root || subpath(path, nlevel(old_root)) END
$$;
