-- Tamper evidence for the audit trail. Each audit row gets a seal in the same transaction, just before it commits:
-- its place in one chain (seq), the previous seal's hash and the SHA-256 of the previous hash and the row's
-- canonical content. Seals and audit rows are only ever inserted. The one-row lock table serialises the appends of
-- concurrent transactions (held from the seal until the commit only), so the chain never forks.
CREATE TABLE audit_seal (
    seq BIGINT PRIMARY KEY,
    event_id BIGINT NOT NULL UNIQUE,
    prev_hash VARCHAR(64) NOT NULL,
    row_hash VARCHAR(64) NOT NULL
);
CREATE TABLE audit_chain_lock (
    id INT PRIMARY KEY
);
INSERT INTO audit_chain_lock (id) VALUES (1);
