-- The device writer no longer writes an outbox row per sighting (ADR 0009, session 5): the pusher takes the next
-- sightings from the device event log into the outbox in the transaction that pushes them, and keeps here how far
-- it has taken. Every event stored before this migration already has its outbox row, so the cursor starts after
-- them: at this transaction (events stored before the log existed carry xid 0).
CREATE TABLE exchange.log_cursor
(
    id         smallint PRIMARY KEY CHECK (id = 1),
    xid        bigint      NOT NULL,
    seq        bigint      NOT NULL,
    moved_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO exchange.log_cursor (id, xid, seq) VALUES (1, pg_current_xact_id()::text::bigint, 0);

-- one outbox row per event, whoever takes it
CREATE UNIQUE INDEX outbox_event_seq_idx ON exchange.outbox (event_seq);
