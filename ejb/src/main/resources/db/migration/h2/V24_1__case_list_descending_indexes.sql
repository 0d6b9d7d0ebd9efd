-- P2 at 100,000 case files, H2 only: H2 reads an index in one direction only, so each descending order of the case
-- list (and the ascending order of the opening date) needs its own index, or H2 reads every case file of the team
-- and sorts them (300 ms a page). PostgreSQL reads the V20 and V24 indexes backwards instead.
CREATE INDEX ix_casefile_team_oldest ON casefile (team_id, created_at, id);
CREATE INDEX ix_casefile_team_reference_desc ON casefile (team_id, reference DESC, id DESC);
CREATE INDEX ix_casefile_team_pseudonym_desc ON casefile (team_id, pseudonym DESC, id DESC);
CREATE INDEX ix_casefile_team_phase_desc ON casefile (team_id, phase DESC, id DESC);
CREATE INDEX ix_casefile_team_urgency_desc ON casefile (team_id, urgency DESC, id DESC);
CREATE INDEX ix_casefile_team_country_desc ON casefile (team_id, country DESC, id DESC);
