package org.parley.launcher;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.parley.stack.supervision.SupervisedPart;

/**
 * A child process of the platform supervisor (the stack, a service, the console) that is started again, with the
 * same command line and settings, when it exits. Spawning and waiting for readiness are two steps, so that the
 * first start can spawn all services before waiting for any, and a shutdown can stop a child that is still
 * starting.
 */
final class ProcessPart implements SupervisedPart {

    /** A spawned child that will be ready later. */
    interface Child {
        ProcessHandle handle();

        /** Waits until the child serves; fails (with its log's tail) if it exits first. Returns the time since spawn. */
        Duration awaitReady() throws Exception;
    }

    interface Spawner {
        Child spawn() throws Exception;
    }

    private final String name;
    private final int port;
    private final Spawner spawner;
    private final Duration stopGrace;
    private volatile Child child;
    private boolean stopped; // by a shutdown: nothing may be spawned afterwards

    /** @param port the part's port, or 0 if it has none to show */
    ProcessPart(String name, int port, Spawner spawner, Duration stopGrace) {
        this.name = name;
        this.port = port;
        this.spawner = spawner;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return name;
    }

    int port() {
        return port;
    }

    synchronized void spawn() throws Exception {
        if (stopped) {
            throw new IllegalStateException(name + " is stopping");
        }
        child = spawner.spawn();
    }

    /** Waits for the spawned child; one that does not become ready is stopped, so a retry finds its port free. */
    Duration awaitReady() throws Exception {
        try {
            return child.awaitReady();
        } catch (Exception e) {
            stop(child.handle(), stopGrace);
            throw e;
        }
    }

    @Override
    public void start() throws Exception {
        spawn();
        awaitReady();
    }

    @Override
    public boolean isAlive() {
        Child current = child;
        return current != null && current.handle().isAlive();
    }

    @Override
    public OptionalLong pid() {
        Child current = child;
        return current == null
                ? OptionalLong.empty()
                : OptionalLong.of(current.handle().pid());
    }

    /** SIGTERM, then SIGKILL after the grace period; no later {@link #spawn()} starts it again. */
    void stop() {
        Child current;
        synchronized (this) {
            stopped = true;
            current = child;
        }
        if (current != null) {
            stop(current.handle(), stopGrace);
        }
    }

    static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
