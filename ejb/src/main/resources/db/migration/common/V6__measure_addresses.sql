-- Each protective measure names the threat or vulnerability it addresses (a label of the latest assessment's
-- factor, sealed like the factor it repeats).
ALTER TABLE protection_measure ADD COLUMN addresses_enc VARCHAR(2048);
