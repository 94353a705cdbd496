-- Users, their jurisdictions and personal API tokens. One role per user (shared.security.Role),
-- so the separated duties (system admin, security admin, auditor) never meet in one account.
CREATE SCHEMA identity;

CREATE TABLE identity.app_user (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username              text        NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,40}$'),
    display_name          text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    role                  text        NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR',
                                                  'STATION_LEADER', 'COMMUNITY_OFFICER', 'AUXILIARY_POLICE',
                                                  'COMMUNITY_WORKER')),
    password_hash         text        NOT NULL,
    -- set when an administrator chose the password (new account, reset): changed at the next sign-in
    password_must_change  boolean     NOT NULL DEFAULT true,
    totp_secret           text,
    totp_enrolled         boolean     NOT NULL DEFAULT false,
    -- the RFC 6238 time step of the last accepted code: a code works once
    totp_last_step        bigint,
    failed_attempts       integer     NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    enabled               boolean     NOT NULL DEFAULT true,
    -- bumped whenever credentials change or the account is disabled: older sessions stop working
    security_stamp        integer     NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    last_sign_in_at       timestamptz,
    version               bigint      NOT NULL DEFAULT 0,
    CHECK (NOT totp_enrolled OR totp_secret IS NOT NULL)
);
-- usernames are unique whatever their case
CREATE UNIQUE INDEX app_user_username_key ON identity.app_user (lower(username));

-- The address nodes (by stable code) a user holds; their subtrees are the user's scope.
CREATE TABLE identity.user_jurisdiction (
    user_id   bigint NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
    node_code text   NOT NULL CHECK (length(node_code) BETWEEN 1 AND 64),
    PRIMARY KEY (user_id, node_code)
);

-- Personal API tokens: only a SHA-256 hash is kept (tokens are 256-bit random, so no slow hash is needed);
-- the short prefix lets the owner recognise a token in the list.
CREATE TABLE identity.api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES identity.app_user (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    token_hash   bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON identity.api_token (user_id);
