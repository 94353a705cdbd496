-- The event table is also the log the upstream pusher reads (ADR 0009, session 5): each row carries the id of the
-- transaction that stored it, so a reader can take exactly the rows of transactions that have all ended
-- (xid < the oldest transaction still running) in (xid, seq) order, and never skip a row that a slower writer
-- commits later with a lower seq. Rows stored before this migration were queued for the pusher the old way and get 0.
ALTER TABLE device.event ADD COLUMN xid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE device.event ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint);
-- the sightings' log order: a reader walks it from its cursor and stops after a batch, however long the log behind
-- it is, and never steps over heartbeats or door events to get there (they are not in the index). A block-range
-- index was tried first: it cannot give the order, so every read sorted the whole tail.
CREATE INDEX event_sighting_log_idx ON device.event (xid, seq) WHERE kind IN ('VEHICLE_PASS', 'EBIKE_PASS');
