-- P2, H2 only: the descending twins of V27's indexes (H2 reads an index in one direction only, V24.1), and the
-- opening date in both directions within a phase, which the team's list orders by (team, phase, opening date)
-- when it is filtered by phase (PostgreSQL reads ix_casefile_team_phase_newest backwards).
DROP INDEX ix_casefile_team_reference_desc;
DROP INDEX ix_casefile_team_pseudonym_desc;
DROP INDEX ix_casefile_team_urgency_desc;
DROP INDEX ix_casefile_team_country_desc;
CREATE INDEX ix_casefile_team_reference_desc ON casefile (team_id, reference DESC, id DESC, phase);
CREATE INDEX ix_casefile_team_pseudonym_desc ON casefile (team_id, pseudonym DESC, id DESC, phase);
CREATE INDEX ix_casefile_team_urgency_desc ON casefile (team_id, urgency DESC, id DESC, phase);
CREATE INDEX ix_casefile_team_country_desc ON casefile (team_id, country DESC, id DESC, phase);
CREATE INDEX ix_casefile_team_phase_oldest ON casefile (team_id, phase, created_at, id);
CREATE INDEX ix_casefile_mentor_oldest ON casefile (assigned_mentor_id, created_at, id, team_id, phase);
CREATE INDEX ix_casefile_mentor_reference_desc ON casefile (assigned_mentor_id, reference DESC, id DESC, team_id, phase);
CREATE INDEX ix_casefile_mentor_pseudonym_desc ON casefile (assigned_mentor_id, pseudonym DESC, id DESC, team_id, phase);
CREATE INDEX ix_casefile_mentor_phase_desc ON casefile (assigned_mentor_id, phase DESC, id DESC, team_id);
CREATE INDEX ix_casefile_mentor_urgency_desc ON casefile (assigned_mentor_id, urgency DESC, id DESC, team_id, phase);
CREATE INDEX ix_casefile_mentor_country_desc ON casefile (assigned_mentor_id, country DESC, id DESC, team_id, phase);
