-- The standard address tree (标准地址). One row per node; codes are stable, paths follow moves.
CREATE SCHEMA address;

-- 1- and 2-character pieces of a name (lower-cased): pg_trgm needs 3 characters, people type 1–2 Chinese ones.
CREATE FUNCTION address.name_pieces(n text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT coalesce(array_agg(DISTINCT p), '{}')
FROM (SELECT substr(lower(n), i, 1) AS p FROM generate_series(1, length(n)) AS i
      UNION
      SELECT substr(lower(n), i, 2) FROM generate_series(1, length(n) - 1) AS i) AS pieces
$$;

CREATE TABLE address.node
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        varchar(40)  NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{1,40}$'),
    parent_code varchar(40) REFERENCES address.node (code),
    path        ltree        NOT NULL UNIQUE,
    level       varchar(16)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY',
                                                      'COMPOUND', 'BUILDING', 'UNIT', 'FLOOR', 'ROOM', 'PLACE')),
    name        varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    category    varchar(16) CHECK (category IN ('SCHOOL', 'RAIL_STATION', 'HOSPITAL', 'MARKET', 'KEY_SITE',
                                                'ENTERPRISE', 'SHOP', 'GOVERNMENT', 'OTHER')),
    latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision CHECK (longitude BETWEEN -180 AND 180),
    -- natural order of names: digit runs encoded so that "2号楼" < "10号楼" and room 501 < 1201
    sort_key    text COLLATE "C" NOT NULL,
    name_pieces text[] GENERATED ALWAYS AS (address.name_pieces(name)) STORED,
    retired_at  timestamptz,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     integer      NOT NULL DEFAULT 0,
    CHECK ((parent_code IS NULL) = (nlevel(path) = 1)),
    CHECK (subpath(path, nlevel(path) - 1)::text = code),
    CHECK (category IS NULL OR level = 'PLACE'),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- drill-down: children of a node in display order
CREATE INDEX node_children_idx ON address.node (parent_code, sort_key, code);
-- jurisdiction: node_path <@ scope
CREATE INDEX node_path_gist_idx ON address.node USING gist (path);
-- search: names of 3+ characters by trigram, 1–2 characters by their pieces, codes by prefix
CREATE INDEX node_name_trgm_idx ON address.node USING gin (name gin_trgm_ops);
CREATE INDEX node_name_pieces_idx ON address.node USING gin (name_pieces);
CREATE INDEX node_code_prefix_idx ON address.node (code text_pattern_ops);

-- Outcome of an xlsx import, kept so the report can be shown and downloaded again by whoever ran it.
CREATE TABLE address.import_run
(
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username   varchar(100) NOT NULL,
    file_name  varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    rows_read  integer      NOT NULL,
    created    integer      NOT NULL,
    unchanged  integer      NOT NULL,
    updated    integer      NOT NULL,
    rejected   integer      NOT NULL,
    -- [{row, column, key, args}] — message keys, localized when shown
    problems   jsonb        NOT NULL
);
CREATE INDEX import_run_user_idx ON address.import_run (username, created_at DESC);
