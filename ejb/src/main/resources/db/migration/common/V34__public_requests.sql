-- Requests sent through the public request form land in the same intake queue as the e-mail drafts: the channel
-- says which. A web request carries its answers (sealed, one field) and the receipt code the requester keeps, stored
-- as a keyed index (to find the request) and a slow salted hash (to check the code): never the code itself.
ALTER TABLE mail_intake ADD COLUMN channel VARCHAR(20) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE mail_intake ADD COLUMN details_enc TEXT;
ALTER TABLE mail_intake ADD COLUMN receipt_index VARCHAR(64);
ALTER TABLE mail_intake ADD COLUMN receipt_hash VARCHAR(400);
ALTER TABLE mail_intake ADD CONSTRAINT ck_mail_intake_channel CHECK (channel IN ('EMAIL', 'WEB_FORM'));
CREATE UNIQUE INDEX ux_mail_intake_receipt ON mail_intake (receipt_index);
