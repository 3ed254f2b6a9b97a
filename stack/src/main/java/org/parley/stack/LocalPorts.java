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

    /**
     * Test JVMs of one module that run side by side (surefire's fork number, 1 to 4, in this system property) each
     * look in their own quarter of the band, so two never pick the same port in the seconds before its server binds
     * it. Unset, the whole band.
     */
    public static final String SLICE_PROPERTY = "parley.local-ports.slice";

    static final int SLICES = 4;

    static final int SLICE_WIDTH = (TO - FROM) / SLICES;

    private LocalPorts() {}

    /**
     * A port nothing listens on now. Not one the system hands out itself (port 0): a server binds it seconds later
     * (a service some 30 s later), and in between outgoing connections (Kafka, PostgreSQL, Keycloak clients) take
     * local ports from that same ephemeral range, which once took a chosen port first and failed a clean-clone CI
     * run ("Address already in use", 2026-12-05 01:27).
     */
    public static int free() throws IOException {
        int slice = Integer.getInteger(SLICE_PROPERTY, 0);
        boolean sliced = slice >= 1 && slice <= SLICES;
        int from = sliced ? FROM + (slice - 1) * SLICE_WIDTH : FROM;
        int to = sliced ? from + SLICE_WIDTH : TO;
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, to);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("no free port between " + from + " and " + to);
    }
}
