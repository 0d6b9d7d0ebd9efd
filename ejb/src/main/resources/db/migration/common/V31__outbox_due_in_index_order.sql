-- The outbox worker asks every few seconds for the messages due and the claims gone stale. Asked as one query with
-- an OR, H2 read and sorted the whole table for it (13 ms at 12,000 messages, and the table keeps every message
-- sent). Asked as two, each state's range is read from its own index in order and stops at the batch's end.
DROP INDEX ix_notification_due;
CREATE INDEX ix_notification_due ON notification (status, next_attempt_at, id);
CREATE INDEX ix_notification_claimed ON notification (status, claimed_at, id);
