-- An audit-chain notice carries the chain head (position:hash) where other notices carry a case reference.
ALTER TABLE notification ALTER COLUMN case_reference SET DATA TYPE VARCHAR(100);
