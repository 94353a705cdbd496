-- The event table is also the log the upstream pusher reads (ADR 0009, session 5): each row carries the id of the
-- transaction that stored it, so a reader can take exactly the rows of transactions that have all ended
-- (xid < the oldest transaction still running) in (xid, seq) order, and never skip a row that a slower writer
-- commits later with a lower seq. Rows stored before this migration were queued for the pusher the old way and get 0.
ALTER TABLE device.event ADD COLUMN xid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE device.event ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint);
-- rows arrive in xid order, so a block-range index finds the tail of the log at almost no cost per insert
CREATE INDEX event_xid_idx ON device.event USING brin (xid) WITH (pages_per_range = 16);
