-- P2 at 100,000 case files: the case list sorts a team's case files by any of its columns, then by id in the same
-- direction. Without an index in that order the database read the whole team (50,000 rows) and sorted it for every
-- page; with one per column it reads one page of index entries (PostgreSQL reads it backwards for a descending sort;
-- H2 reads ascending sorts in order, and the index alone, without the wide case rows, for descending ones).
-- The newest-first order already has ix_casefile_team_newest (V20).
CREATE INDEX ix_casefile_team_reference ON casefile (team_id, reference, id);
CREATE INDEX ix_casefile_team_pseudonym ON casefile (team_id, pseudonym, id);
CREATE INDEX ix_casefile_team_phase_order ON casefile (team_id, phase, id);
CREATE INDEX ix_casefile_team_urgency ON casefile (team_id, urgency, id);
CREATE INDEX ix_casefile_team_country ON casefile (team_id, country, id);
