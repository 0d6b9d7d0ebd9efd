-- Jobs that must run on one server at a time when several servers share the database (a cluster): the mailbox
-- poller, the retention pass and the audit-chain head export. Each holds a lease row while it runs on a server; the
-- holder renews it at every tick, another server takes it only once it has expired or been given back (JobLeases).
-- The times are the database's, so the servers' clocks do not matter.
CREATE TABLE job_lease (
    name VARCHAR(64) PRIMARY KEY,
    holder VARCHAR(200),
    expires_at TIMESTAMP WITH TIME ZONE,
    taken_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO job_lease (name) VALUES ('mail-intake');
INSERT INTO job_lease (name) VALUES ('retention');
INSERT INTO job_lease (name) VALUES ('audit-chain-head');
