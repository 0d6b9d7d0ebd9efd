-- Process instances that nothing can move on: no user task, no job (timer or continuation) and no event they wait
-- for. Read by tools/restore-check.sh and tools/cluster-kill-under-load.sh; 0 is the only good answer.
SELECT count(*) FROM act_ru_execution p WHERE p.id_ = p.proc_inst_id_
    AND NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.proc_inst_id_ = p.id_)
    AND NOT EXISTS (SELECT 1 FROM act_ru_job j WHERE j.process_instance_id_ = p.id_)
    AND NOT EXISTS (SELECT 1 FROM act_ru_event_subscr e WHERE e.proc_inst_id_ = p.id_)
