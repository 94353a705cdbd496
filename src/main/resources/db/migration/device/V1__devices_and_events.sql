-- Devices of the smart compound and the events they report (ADR 0007).
CREATE SCHEMA device;
GRANT USAGE ON SCHEMA device TO beatbook_app;

CREATE TABLE device.device
(
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    device_id      TEXT        NOT NULL UNIQUE CHECK (device_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    viid_device_id TEXT UNIQUE CHECK (viid_device_id ~ '^[0-9]{20}$'),
    kind           TEXT        NOT NULL CHECK (kind IN ('ACCESS_CONTROLLER', 'PLATE_CAMERA', 'EBIKE_READER', 'ALARM_SENSOR')),
    name           TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    node_code      TEXT        NOT NULL,
    node_path      LTREE       NOT NULL,
    -- the compound the node lies in (or the node itself), for the list by compound
    compound_code  TEXT        NOT NULL,
    -- SHA-256 of the HTTP/MQTT token (256 random bits: a fast hash cannot be brute-forced)
    token_hash     BYTEA       NOT NULL UNIQUE,
    token_prefix   TEXT        NOT NULL,
    -- HA1 = MD5(viid_device_id:realm:password) for HTTP Digest, realm = beatbook.device.viid-realm
    viid_ha1       TEXT CHECK ((viid_ha1 IS NULL) = (viid_device_id IS NULL)),
    viid_realm     TEXT,
    active         BOOLEAN     NOT NULL DEFAULT true,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by     TEXT        NOT NULL,
    rotated_at     TIMESTAMPTZ,
    deactivated_at TIMESTAMPTZ
);
CREATE INDEX device_node_path_idx ON device.device USING gist (node_path);
CREATE INDEX device_compound_idx ON device.device (compound_code);

-- Liveness and counters, one row per device that has reported; written by the ingest writer.
CREATE TABLE device.device_status
(
    device            UUID PRIMARY KEY REFERENCES device.device,
    last_seen_at      TIMESTAMPTZ NOT NULL,
    last_event_at     TIMESTAMPTZ,
    last_heartbeat_at TIMESTAMPTZ,
    events_total      BIGINT      NOT NULL DEFAULT 0,
    silent            BOOLEAN     NOT NULL DEFAULT false
);

-- Events (not heartbeats) stored per device per day (Asia/Shanghai, by receipt).
CREATE TABLE device.daily_count
(
    device UUID   NOT NULL REFERENCES device.device,
    day    DATE   NOT NULL,
    events BIGINT NOT NULL,
    PRIMARY KEY (device, day)
);

-- Exactly once per (device, event_id), whatever the event's timestamps: this key table is not partitioned, so its
-- primary key spans every month. Keys leave with their month's partition (drop_event_partitions).
CREATE TABLE device.event_key
(
    device      UUID        NOT NULL,
    event_id    TEXT        NOT NULL,
    seq         BIGINT      NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (device, event_id)
);
CREATE SEQUENCE device.event_seq CACHE 1000;

-- The events, partitioned by month of receipt: inserts go to the current partition, and retention drops whole
-- months. Partitions are created ahead by the application through create_event_partition.
CREATE TABLE device.event
(
    seq         BIGINT      NOT NULL,
    device      UUID        NOT NULL,
    node_code   TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    direction   TEXT,
    plate       TEXT,
    plate_color TEXT,
    tag         TEXT,
    credential  TEXT,
    method      TEXT,
    payload     TEXT
) PARTITION BY RANGE (received_at);
CREATE INDEX event_device_occurred_idx ON device.event (device, occurred_at);

-- The application role owns no table, so partition upkeep goes through these two narrow functions.
CREATE FUNCTION device.create_event_partition(month DATE) RETURNS TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    first DATE := date_trunc('month', month)::date;
    name  TEXT := format('event_%s', to_char(first, 'YYYY_MM'));
BEGIN
    IF to_regclass('device.' || name) IS NULL THEN
        EXECUTE format('CREATE TABLE device.%I PARTITION OF device.event FOR VALUES FROM (%L) TO (%L)',
                       name, first::text || ' 00:00:00+00', (first + interval '1 month')::date::text || ' 00:00:00+00');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON device.%I TO beatbook_app', name);
        RETURN name;
    END IF;
    RETURN NULL;
END
$$;

-- Drops every monthly partition that ends on or before `before` (UTC), with its dedupe keys; answers their names.
CREATE FUNCTION device.drop_event_partitions(before TIMESTAMPTZ) RETURNS SETOF TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    part RECORD;
BEGIN
    FOR part IN
        SELECT c.relname,
               (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz AS upper_bound
        FROM pg_inherits i
                 JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'device.event'::regclass
        LOOP
            IF part.upper_bound <= before THEN
                EXECUTE format('DELETE FROM device.event_key k USING device.%I e '
                                   || 'WHERE k.device = e.device AND k.event_id = e.event_id AND k.seq = e.seq',
                               part.relname);
                EXECUTE format('DROP TABLE device.%I', part.relname);
                RETURN NEXT part.relname;
            END IF;
        END LOOP;
END
$$;
REVOKE ALL ON FUNCTION device.create_event_partition(DATE) FROM PUBLIC;
REVOKE ALL ON FUNCTION device.drop_event_partitions(TIMESTAMPTZ) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION device.create_event_partition(DATE) TO beatbook_app;
GRANT EXECUTE ON FUNCTION device.drop_event_partitions(TIMESTAMPTZ) TO beatbook_app;

SELECT device.create_event_partition((now() AT TIME ZONE 'UTC')::date);
SELECT device.create_event_partition(((now() AT TIME ZONE 'UTC') + interval '1 month')::date);
