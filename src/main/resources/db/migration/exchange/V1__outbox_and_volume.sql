-- Upstream push (GA/T 1400) and the volume ledger. See docs/adr/0009-upstream-push-outbox.md.
CREATE SCHEMA exchange;
GRANT USAGE ON SCHEMA exchange TO beatbook_app;

-- The compounds events were collected at, with their current tree path for scoping (re-pathed on moves).
CREATE TABLE exchange.compound
(
    code varchar(40) PRIMARY KEY,
    path ltree       NOT NULL
);
CREATE INDEX compound_path_idx ON exchange.compound USING gist (path);

-- Transactional outbox: one row per stored vehicle sighting, written in the device writer's transaction.
-- Pushed in id order; a row is acknowledged (never sent again) or parked (never sent again, shown with reason).
CREATE TABLE exchange.outbox
(
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_seq       bigint      NOT NULL,
    kind            varchar(16) NOT NULL CHECK (kind IN ('VEHICLE_PASS', 'EBIKE_PASS')),
    event_id        text        NOT NULL,
    viid_device_id  varchar(20),
    occurred_at     timestamptz NOT NULL,
    plate           text,
    plate_color     text,
    tag             text,
    compound_code   varchar(40) NOT NULL,
    -- collection day (Asia/Shanghai) the event is counted on, so pushed counts land on the same day
    day             date        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    acknowledged_at timestamptz,
    parked_at       timestamptz,
    parked_reason   text,
    CHECK (acknowledged_at IS NULL OR parked_at IS NULL)
);
-- the queue: rows still to push, in order
CREATE INDEX outbox_waiting_idx ON exchange.outbox (id) WHERE acknowledged_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked_idx ON exchange.outbox (parked_at) WHERE parked_at IS NOT NULL;
CREATE INDEX outbox_acknowledged_idx ON exchange.outbox (acknowledged_at) WHERE acknowledged_at IS NOT NULL;

-- The daily roll-up: events collected (written by the device writer) and pushed (written by the pusher) per
-- compound per Asia/Shanghai day. The two counters are separate rows, so the two writers never wait for each other.
CREATE TABLE exchange.volume_day
(
    day           date        NOT NULL,
    compound_code varchar(40) NOT NULL,
    counter       varchar(10) NOT NULL CHECK (counter IN ('COLLECTED', 'PUSHED')),
    n             bigint      NOT NULL CHECK (n >= 0),
    PRIMARY KEY (day, compound_code, counter)
);

-- What the pusher last saw, shared by every instance (one row).
CREATE TABLE exchange.upstream_state
(
    id              smallint PRIMARY KEY CHECK (id = 1),
    registered_at   timestamptz,
    last_success_at timestamptz,
    last_error_at   timestamptz,
    last_error_key  text,
    last_error      text
);
INSERT INTO exchange.upstream_state (id) VALUES (1);
