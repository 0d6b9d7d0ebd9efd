-- The dashboard's lists of applications on their way and of travel documents running out: each walks its own
-- index in order from the state (or status) it asks for, and joins the case file by its key. Without them, H2
-- read every case file of the reader's team and probed for rows (1-5 s a dashboard with 100,000 case files).
CREATE INDEX ix_route_application_waiting ON route_application (state, changed_at, id);
CREATE INDEX ix_travel_document_valid ON travel_document (status, valid_until, id);
