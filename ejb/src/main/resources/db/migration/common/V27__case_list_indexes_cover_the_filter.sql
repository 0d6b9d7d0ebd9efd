-- P2 at 100,000 case files, the case list of a mentor and the list filtered by phase.
-- A security mentor's list (20,000 to 41,000 mentored case files in the generated data) had an index for the
-- newest-first order only: sorted by any other column, or filtered by phase, the database read every mentored case
-- file and sorted them for each page (25-65 ms on H2, the most CPU of all pages under 50 users). Each sortable
-- column now has a (mentor, column, id) index, as the team has since V24.
-- A list filtered by phase and sorted by a column other than the opening date walks the sort index and keeps the rows
-- of that phase. The sort indexes therefore hold the phase (and the mentor indexes the team, V26) as their last
-- columns, so the filter is answered from the index without reading the wide case rows, and the walk stops after
-- one page. The first two indexes of V1 and V2 are covered by later ones and only cost writes.
DROP INDEX ix_casefile_team_created;
DROP INDEX ix_casefile_team_phase;
DROP INDEX ix_casefile_team_reference;
DROP INDEX ix_casefile_team_pseudonym;
DROP INDEX ix_casefile_team_urgency;
DROP INDEX ix_casefile_team_country;
DROP INDEX ix_casefile_mentor_newest;
CREATE INDEX ix_casefile_team_reference ON casefile (team_id, reference, id, phase);
CREATE INDEX ix_casefile_team_pseudonym ON casefile (team_id, pseudonym, id, phase);
CREATE INDEX ix_casefile_team_urgency ON casefile (team_id, urgency, id, phase);
CREATE INDEX ix_casefile_team_country ON casefile (team_id, country, id, phase);
CREATE INDEX ix_casefile_mentor_newest ON casefile (assigned_mentor_id, created_at DESC, id DESC, team_id, phase);
CREATE INDEX ix_casefile_mentor_reference ON casefile (assigned_mentor_id, reference, id, team_id, phase);
CREATE INDEX ix_casefile_mentor_pseudonym ON casefile (assigned_mentor_id, pseudonym, id, team_id, phase);
CREATE INDEX ix_casefile_mentor_phase_order ON casefile (assigned_mentor_id, phase, id, team_id);
CREATE INDEX ix_casefile_mentor_urgency ON casefile (assigned_mentor_id, urgency, id, team_id, phase);
CREATE INDEX ix_casefile_mentor_country ON casefile (assigned_mentor_id, country, id, team_id, phase);
