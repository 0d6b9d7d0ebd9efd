-- P2 at 100,000 case files: a coordinator who also mentors reads, besides the team, the case files they mentor in
-- other teams (assigned_mentor_id = ? and team_id <> ?). The mentor indexes did not hold the team, so each list page,
-- count and review query read every case file the person mentors (20,000 rows, 45-65 ms on PostgreSQL) to learn
-- that none lies outside the team. With the team as the indexes' last column the database answers from the index.
DROP INDEX ix_casefile_mentor_newest;
DROP INDEX ix_casefile_mentor_phase_risk;
DROP INDEX ix_casefile_mentor_review;
DROP INDEX ix_casefile_mentor_overdue;
CREATE INDEX ix_casefile_mentor_newest ON casefile (assigned_mentor_id, created_at DESC, id DESC, team_id);
CREATE INDEX ix_casefile_mentor_phase_risk ON casefile (assigned_mentor_id, phase, risk_level, team_id);
CREATE INDEX ix_casefile_mentor_review ON casefile (assigned_mentor_id, next_review_at, id, team_id);
CREATE INDEX ix_casefile_mentor_overdue ON casefile (assigned_mentor_id, triage_overdue, team_id);
