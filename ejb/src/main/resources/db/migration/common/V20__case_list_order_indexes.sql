-- P2 at 100,000 case files: the case list opens newest first, for a team (caseworkers, coordinators) or a mentor,
-- often filtered by phase. Without an index in that order the database sorted the whole team's case files for
-- every page. With these, a page reads its 25 rows from the index.
CREATE INDEX ix_casefile_team_newest ON casefile (team_id, created_at DESC, id DESC);
CREATE INDEX ix_casefile_team_phase_newest ON casefile (team_id, phase, created_at DESC, id DESC);
CREATE INDEX ix_casefile_mentor_newest ON casefile (assigned_mentor_id, created_at DESC, id DESC);
