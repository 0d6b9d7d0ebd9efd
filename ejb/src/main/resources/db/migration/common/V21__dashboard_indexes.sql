-- P2 at 100,000 case files: the dashboard counts a team's (or a mentor's) open case files by risk level and its missed
-- triage deadlines. With the counted columns in the index, the counts read the index alone, not the wide case rows.
CREATE INDEX ix_casefile_team_phase_risk ON casefile (team_id, phase, risk_level);
CREATE INDEX ix_casefile_mentor_phase_risk ON casefile (assigned_mentor_id, phase, risk_level);
CREATE INDEX ix_casefile_team_overdue ON casefile (team_id, triage_overdue);
CREATE INDEX ix_casefile_team_review ON casefile (team_id, next_review_at);
