-- P2 at 100,000 case files: the dashboard lists reviews due and overdue referrals oldest first, ties broken by id.
-- An index gives that order (and the list stops after one page) only if it holds the id too; without it H2 read
-- every overdue review of the team (37,000 rows) and sorted them for each dashboard.
DROP INDEX ix_casefile_team_review;
DROP INDEX ix_casefile_mentor_review;
DROP INDEX ix_referral_status_due;
CREATE INDEX ix_casefile_team_review ON casefile (team_id, next_review_at, id);
CREATE INDEX ix_casefile_mentor_review ON casefile (assigned_mentor_id, next_review_at, id);
CREATE INDEX ix_referral_status_due ON referral (status, answer_due_at, id);
