package org.continuum.workflow.engine;

import org.operaton.bpm.engine.ProcessEngine;

/** Wires the engine helpers of this package around a test engine, for tests of the ports in other packages. */
public final class Engines {

    private Engines() {
    }

    public static EngineHolder holder(ProcessEngine engine) {
        EngineHolder holder = new EngineHolder();
        holder.set(engine);
        return holder;
    }

    public static TaskReader reader(EngineHolder holder) {
        TaskReader reader = new TaskReader();
        reader.holder = holder;
        return reader;
    }
}
