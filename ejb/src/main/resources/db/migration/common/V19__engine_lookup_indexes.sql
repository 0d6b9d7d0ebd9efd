-- P2 at 100,000 case files: the inbox and the case page find their tasks through a process variable of the case
-- (team code, case file id). The engine's own indexes do not cover a lookup of a variable by name and value, so
-- each of those queries read every running variable row. These two indexes let them go straight to the rows.
CREATE INDEX ix_engine_variable_text ON ACT_RU_VARIABLE (NAME_, TEXT_);
CREATE INDEX ix_engine_variable_long ON ACT_RU_VARIABLE (NAME_, LONG_);
