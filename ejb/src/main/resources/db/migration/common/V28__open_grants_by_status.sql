-- P2: a coordinator's dashboard lists the team's open grants (recommended, awaiting a second approval, approved,
-- disbursed) oldest first. Most grants of a working organisation are reported or rejected; this index finds the open
-- ones without reading the others, and the query goes from them to their case file's team.
CREATE INDEX ix_grant_status ON grant_request (status, recommended_at, id);
