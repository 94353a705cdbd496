-- Search speed of a rare tag filter (docs/benchmarks.md "Person search"): 王 or jh filtered by 独居老人 (2 % of
-- persons). The ordered read of V4 finds too few tagged persons among the first names it looks at, and intersecting
-- the name's and the tag's GIN bitmaps grows with every person of either (10⁴–10⁵ at 2M). This index holds only the
-- persons who carry a tag, with their name keys and scope, so one scan intersects tag, name and scope among them.
-- PersonSearch repeats the predicate (tags <> '{}') when the tag is rare enough to go first.
CREATE INDEX person_tagged_idx ON population.person
    USING gin (tags, name_pieces, array_to_tsvector(name_keys), residence_keys) WHERE tags <> '{}';
