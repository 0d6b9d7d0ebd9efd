package org.continuum.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Hands the running engine to the CDI beans that use it. The bootstrap singleton sets it once started; beans read it
 * here instead of calling the singleton, which would re-enter it while its own start-up is still running (the demo
 * seed starts processes during start-up).
 */
@ApplicationScoped
public class EngineHolder {

    private volatile ProcessEngine engine;

    void set(ProcessEngine engine) {
        this.engine = engine;
    }

    public ProcessEngine engine() {
        ProcessEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("The workflow engine is not running");
        }
        return current;
    }

    /** The engine's own configuration: its database type, and its command executor for composed commands. */
    public ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
    }
}
