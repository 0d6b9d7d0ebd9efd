-- S16: the check values of the keys in use (a known text sealed, and its blind index), so that a start with a lost
-- or swapped key folder is refused instead of making every sealed field unreadable (KeyGuard). Written once, at the
-- first start after this migration; neither value opens anything without the keys.
CREATE TABLE key_check (
    purpose VARCHAR(40) PRIMARY KEY,
    check_value VARCHAR(400) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
