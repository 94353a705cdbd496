-- GA/T 1400 cancellations keep the subscription row: besides cancelled_at, which request cancelled it (OperateType 1
-- in a Subscribe or an update, DELETE /VIID/Subscribes?IDList=…, PUT /VIID/Subscribes/<ID>) and the canceller's own
-- words when it sent them (SubscribeCancelOrg, SubscribeCancelPerson, CancelReason). Reviving a subscription (a new
-- Subscribe with OperateType 0) clears them.
ALTER TABLE device.viid_subscription
    ADD COLUMN cancelled_via TEXT CHECK (cancelled_via IN ('SUBSCRIBE', 'UPDATE', 'DELETE', 'CANCEL')),
    ADD COLUMN cancel_reason TEXT CHECK (length(cancel_reason) <= 256),
    ADD COLUMN cancel_org    TEXT CHECK (length(cancel_org) <= 100),
    ADD COLUMN cancel_person TEXT CHECK (length(cancel_person) <= 64);
