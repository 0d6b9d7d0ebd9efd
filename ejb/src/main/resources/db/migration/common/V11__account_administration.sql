-- Administration of people and teams: a team is retired (kept for the history of its case files), never deleted.
ALTER TABLE team ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
