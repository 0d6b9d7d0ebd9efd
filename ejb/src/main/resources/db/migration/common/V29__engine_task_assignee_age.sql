-- P2: a mentor's inbox lists the tasks assigned to them, oldest first, up to a page. With the engine's assignee
-- index alone the database read and sorted all of them (4,000 for a mentor of many case files); PostgreSQL walks
-- this one in order and stops after the page.
CREATE INDEX ix_engine_task_assignee_age ON ACT_RU_TASK (ASSIGNEE_, CREATE_TIME_, ID_);
