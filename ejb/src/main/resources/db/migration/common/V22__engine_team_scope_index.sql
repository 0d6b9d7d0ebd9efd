-- P2 at 100,000 case files: the team inbox keeps the tasks whose process carries the team's code in a process-scoped
-- variable (no task id). With the task id and the process instance in the index as well, checking one task's process
-- reads the index alone, so the database can walk the tasks oldest first and stop at the page's last one.
DROP INDEX ix_engine_variable_text;
CREATE INDEX ix_engine_variable_scope ON ACT_RU_VARIABLE (NAME_, TEXT_, TASK_ID_, PROC_INST_ID_);
