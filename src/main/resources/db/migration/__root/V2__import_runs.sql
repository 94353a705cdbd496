-- Outcome of an xlsx import of any kind (residents, houses, organisations, vehicles …), kept so the report can be
-- shown and downloaded again by whoever ran it.
CREATE TABLE import_run
(
    id         uuid PRIMARY KEY,
    kind       varchar(40)  NOT NULL,
    username   varchar(100) NOT NULL,
    file_name  varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL,
    rows_read  integer      NOT NULL,
    created    integer      NOT NULL,
    unchanged  integer      NOT NULL,
    updated    integer      NOT NULL,
    rejected   integer      NOT NULL,
    -- [{row, field, key, args}]: message keys, localized when shown
    problems   jsonb        NOT NULL
);
CREATE INDEX import_run_user_idx ON import_run (username, created_at DESC);
