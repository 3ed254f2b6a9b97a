package org.parley.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports chosen at run time, for a server whose port no one needs to know in advance. */
public final class LocalPorts {

    /** Where {@link #free} looks: below Linux's ephemeral range, clear of every fixed port of the project. */
    public static final int FROM = 20_000;

    public static final int TO = 25_000;

    private LocalPorts() {}

    /**
     * A port nothing listens on now. Not one the system hands out itself (port 0): a server binds it seconds later
     * (a service some 30 s later), and in between outgoing connections (Kafka, PostgreSQL, Keycloak clients) take
     * local ports from that same ephemeral range, which once took a chosen port first and failed a clean-clone CI
     * run ("Address already in use", 2026-12-05 01:27).
     */
    public static int free() throws IOException {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("no free port between " + FROM + " and " + TO);
    }
}
