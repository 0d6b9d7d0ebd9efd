-- P2 at 100,000 case files: a mentor's dashboard (and a coordinator's who also mentors) lists the reviews due and
-- counts the missed triage deadlines of the case files they mentor. V21 indexed these for a team only; without the
-- mentor's own, H2 read every case file of the mentor for each (225 ms and 135 ms a dashboard on H2).
CREATE INDEX ix_casefile_mentor_review ON casefile (assigned_mentor_id, next_review_at);
CREATE INDEX ix_casefile_mentor_overdue ON casefile (assigned_mentor_id, triage_overdue);
