package org.parley.stack.supervision;

import java.util.OptionalLong;

/** Something a {@link PartSupervisor} keeps running: a process it can start again after it died. */
public interface SupervisedPart {

    String name();

    /** Starts the part and returns once it is ready; throws if it could not be started (it will be retried). */
    void start() throws Exception;

    /** Whether the part's process exists; a false here makes the supervisor restart it. */
    boolean isAlive();

    /** Whether the part does its job (e.g. accepts connections); what health reports. Cheap: asked often. */
    default boolean isServing() {
        return isAlive();
    }

    /** The process id, while there is a process. */
    OptionalLong pid();
}
