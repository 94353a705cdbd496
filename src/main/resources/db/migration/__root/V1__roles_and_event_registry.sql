-- The application connects through the pool as beatbook_app: it may read and write module
-- tables but owns none of them, so it cannot drop tables or alter the audit log.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'beatbook_app') THEN
        CREATE ROLE beatbook_app NOLOGIN;
    END IF;
END $$;
GRANT beatbook_app TO CURRENT_USER;

ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO beatbook_app;
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO beatbook_app;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO beatbook_app;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO beatbook_app;
GRANT USAGE ON SCHEMA public TO beatbook_app;

CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Spring Modulith 2.0 JDBC event publication registry (schema-postgresql.sql of spring-modulith-events-jdbc).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
