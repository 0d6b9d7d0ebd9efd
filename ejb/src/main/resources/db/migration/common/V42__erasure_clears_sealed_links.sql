-- Erasing a case file clears its sealed numbers, the partner of its referrals among them: the column that held the
-- partner must accept the cleared value, or the erasure of any case file that was referred fails (and stops the
-- retention pass). A referral still names its partner when it is sent; the entity requires it.
ALTER TABLE referral ALTER COLUMN partner_enc DROP NOT NULL;
-- The same for the programme a route application was made to.
ALTER TABLE route_application ALTER COLUMN programme_enc DROP NOT NULL;
