-- The chain's head (last place and hash) kept in the lock row: an append reads it with the lock it takes anyway,
-- instead of searching the seals for the highest place while every other writer waits.
ALTER TABLE audit_chain_lock ADD COLUMN head_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE audit_chain_lock ADD COLUMN head_hash VARCHAR(64);
UPDATE audit_chain_lock SET
    head_seq = COALESCE((SELECT MAX(seq) FROM audit_seal), 0),
    head_hash = (SELECT row_hash FROM audit_seal WHERE seq = (SELECT MAX(seq) FROM audit_seal))
WHERE id = 1;
