package org.parley.stack;

import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.parley.stack.supervision.PartSupervisor;
import org.parley.stack.supervision.SupervisedPart;

/** PostgreSQL, Kafka or Keycloak as supervision sees it: how to start it, whether it lives and serves. */
record StackPart(
        String name,
        PartSupervisor.Action starter,
        BooleanSupplier alive,
        BooleanSupplier serving,
        Supplier<OptionalLong> processId)
        implements SupervisedPart {

    /** Supervised by its postmaster's pid; up (for health) only while it also accepts connections. */
    static StackPart of(PostgresServer postgres) {
        return new StackPart("postgres", postgres::start, postgres::isAlive, postgres::isRunning, postgres::pid);
    }

    static StackPart of(KafkaBroker kafka) {
        return new StackPart("kafka", kafka::start, kafka::isRunning, kafka::isRunning, kafka::pid);
    }

    /** Its process is kc.sh, which exits when the Keycloak JVM does. */
    static StackPart of(KeycloakServer keycloak) {
        return new StackPart("keycloak", keycloak::start, keycloak::isRunning, keycloak::isRunning, keycloak::pid);
    }

    @Override
    public void start() throws Exception {
        starter.run();
    }

    @Override
    public boolean isAlive() {
        return alive.getAsBoolean();
    }

    @Override
    public boolean isServing() {
        return serving.getAsBoolean();
    }

    @Override
    public OptionalLong pid() {
        return processId.get();
    }
}
