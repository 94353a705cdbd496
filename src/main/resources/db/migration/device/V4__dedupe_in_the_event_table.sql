-- Exactly-once moves from the separate key table into the event table's own primary key (ADR 0007, session 5):
-- one row per stored event instead of two. A partitioned table's unique key must hold its partition key, so the
-- events are now partitioned by the UTC month the event occurred in (`month`), and the key is
-- (device, event_id, month). A device resending an event sends the same occurredAt, so every resend meets its
-- first copy in the same partition. Retention still drops whole months: an event older than the retention is
-- rejected at the door, so no younger event can lie in a dropped month.

-- 1. The old table and its partitions step aside (the partitions' names are reused below).
ALTER TABLE device.event RENAME TO event_by_receipt;
DO
$$
    DECLARE
        part RECORD;
    BEGIN
        FOR part IN SELECT c.relname
                      FROM pg_inherits i
                               JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = 'device.event_by_receipt'::regclass
            LOOP
                EXECUTE format('ALTER TABLE device.%I RENAME TO %I', part.relname, 'old_' || part.relname);
            END LOOP;
    END
$$;

-- 2. The events, keyed by what identifies them.
CREATE TABLE device.event
(
    seq         BIGINT      NOT NULL,
    device      UUID        NOT NULL,
    node_code   TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    -- first day of the UTC month of occurred_at: the partition, and the span a repeated event_id is recognised in
    month       DATE        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    direction   TEXT,
    plate       TEXT,
    plate_color TEXT,
    tag         TEXT,
    credential  TEXT,
    method      TEXT,
    payload     TEXT,
    CONSTRAINT event_month_check CHECK (month = date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date),
    PRIMARY KEY (device, event_id, month)
) PARTITION BY RANGE (month);

CREATE OR REPLACE FUNCTION device.create_event_partition(month DATE) RETURNS TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    first DATE := date_trunc('month', month)::date;
    name  TEXT := format('event_%s', to_char(first, 'YYYY_MM'));
BEGIN
    IF to_regclass('device.' || name) IS NULL THEN
        EXECUTE format('CREATE TABLE device.%I PARTITION OF device.event FOR VALUES FROM (%L) TO (%L)',
                       name, first, (first + interval '1 month')::date);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON device.%I TO beatbook_app', name);
        RETURN name;
    END IF;
    RETURN NULL;
END
$$;

-- Drops every monthly partition that ends on or before `before` (months are UTC); answers their names.
CREATE OR REPLACE FUNCTION device.drop_event_partitions(before TIMESTAMPTZ) RETURNS SETOF TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    part RECORD;
BEGIN
    FOR part IN
        SELECT c.relname,
               (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::date AS upper_bound
        FROM pg_inherits i
                 JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'device.event'::regclass
        LOOP
            IF (part.upper_bound::timestamp AT TIME ZONE 'UTC') <= before THEN
                EXECUTE format('DROP TABLE device.%I', part.relname);
                RETURN NEXT part.relname;
            END IF;
        END LOOP;
END
$$;

-- 3. Months for every event kept and for the default retention (180 days) back, and the next month; the
-- application keeps the window for its configured retention and the months ahead (PartitionMaintenance).
SELECT device.create_event_partition(m::date)
  FROM generate_series(
               date_trunc('month', least(now() - interval '180 days',
                                         (SELECT min(occurred_at) FROM device.event_by_receipt)) AT TIME ZONE 'UTC'),
               date_trunc('month', greatest(now() + interval '1 month',
                                            (SELECT max(occurred_at) FROM device.event_by_receipt)) AT TIME ZONE 'UTC'),
               interval '1 month') AS m;

INSERT INTO device.event (seq, device, node_code, event_id, month, occurred_at, received_at, kind, direction, plate,
                          plate_color, tag, credential, method, payload)
SELECT seq, device, node_code, event_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, occurred_at,
       received_at, kind, direction, plate, plate_color, tag, credential, method, payload
  FROM device.event_by_receipt
 ORDER BY seq
ON CONFLICT DO NOTHING;

DROP TABLE device.event_by_receipt;
DROP TABLE device.event_key;
