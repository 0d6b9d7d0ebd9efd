-- The blind-index key that computed a receipt code's index: an index rotation cannot rebuild it without the code,
-- so the old key stays until every code it indexed has been used again (and moved to the new key) or erased.
ALTER TABLE mail_intake ADD COLUMN receipt_index_key INTEGER;
