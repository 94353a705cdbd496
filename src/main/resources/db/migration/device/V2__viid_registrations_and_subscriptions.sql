-- GA/T 1400 sessions and subscriptions (ADR 0008), kept across restarts. Keyed by the protocol's 20-digit DeviceID
-- (what Register, User-Identify and Subscribes carry); joined to device.device by viid_device_id for scoping.

-- Who registered: a registration lasts while the device calls at least once per beatbook.viid.registration-ttl.
-- UnRegister keeps the row (unregistered_at set) so the device list can say when and that it left.
CREATE TABLE device.viid_registration
(
    viid_device_id    TEXT PRIMARY KEY CHECK (viid_device_id ~ '^[0-9]{20}$'),
    registered_at     TIMESTAMPTZ NOT NULL,
    -- renewed by every call, written at most every 30 s per device (ViidRegistrations)
    last_seen_at      TIMESTAMPTZ NOT NULL,
    last_keepalive_at TIMESTAMPTZ,
    unregistered_at   TIMESTAMPTZ,
    remote_address    TEXT CHECK (length(remote_address) <= 64)
);

-- Subscribes received (POST /VIID/Subscribes), one row per subscriber and SubscribeID; a resend updates it,
-- OperateType 1 cancels it. Beatbook sends no notifications; the rows say who asked for what, until when.
CREATE TABLE device.viid_subscription
(
    subscriber      TEXT        NOT NULL CHECK (subscriber ~ '^[0-9]{20}$'),
    subscribe_id    TEXT        NOT NULL CHECK (length(subscribe_id) BETWEEN 1 AND 64),
    title           TEXT CHECK (length(title) <= 256),
    -- SubscribeDetail: the subscribed categories as sent, e.g. "7,13" (motor vehicles, non-motor vehicles)
    detail          TEXT CHECK (length(detail) <= 256),
    resource_uri    TEXT CHECK (length(resource_uri) <= 1024),
    receive_addr    TEXT CHECK (length(receive_addr) <= 1024),
    begin_time      TIMESTAMPTZ,
    end_time        TIMESTAMPTZ,
    report_interval INTEGER CHECK (report_interval >= 0),
    received_at     TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    cancelled_at    TIMESTAMPTZ,
    PRIMARY KEY (subscriber, subscribe_id),
    CHECK (end_time IS NULL OR begin_time IS NULL OR end_time >= begin_time)
);
CREATE INDEX viid_subscription_active_idx ON device.viid_subscription (end_time) WHERE cancelled_at IS NULL;
