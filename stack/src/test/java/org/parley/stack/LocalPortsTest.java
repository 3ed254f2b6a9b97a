package org.parley.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A port chosen at run time (a service's management port, Kafka's controller): free, and never one the system may
 * hand an outgoing connection. */
class LocalPortsTest {

    @Test
    void aChosenPortIsFreeAndBelowTheEphemeralRange() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralFrom = Files.isReadable(range)
                ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0])
                : 32_768;
        for (int i = 0; i < 50; i++) {
            int port = LocalPorts.free();
            assertThat(port).isBetween(LocalPorts.FROM, LocalPorts.TO - 1);
            assertThat(port).isLessThan(ephemeralFrom);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void testJvmsSideBySideEachChooseInTheirOwnSlice() throws IOException {
        String ownSlice = System.getProperty(LocalPorts.SLICE_PROPERTY);
        try {
            for (int slice = 1; slice <= LocalPorts.SLICES; slice++) {
                System.setProperty(LocalPorts.SLICE_PROPERTY, Integer.toString(slice));
                int from = LocalPorts.FROM + (slice - 1) * LocalPorts.SLICE_WIDTH;
                for (int i = 0; i < 50; i++) {
                    assertThat(LocalPorts.free()).isBetween(from, from + LocalPorts.SLICE_WIDTH - 1);
                }
            }
        } finally {
            if (ownSlice == null) {
                System.clearProperty(LocalPorts.SLICE_PROPERTY);
            } else {
                System.setProperty(LocalPorts.SLICE_PROPERTY, ownSlice);
            }
        }
    }

    @Test
    void aPortInUseIsNotChosen() throws IOException {
        // Every port of the band but a handful taken would be slow to set up; take some and check none comes back.
        java.util.List<ServerSocket> taken = new java.util.ArrayList<>();
        try {
            for (int port = LocalPorts.FROM; port < LocalPorts.FROM + 200; port++) {
                try {
                    taken.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                } catch (IOException alreadyTaken) {
                    // someone else's: just as taken
                }
            }
            for (int i = 0; i < 200; i++) {
                int port = LocalPorts.free();
                assertThat(port).isGreaterThanOrEqualTo(LocalPorts.FROM + 200);
            }
        } finally {
            for (ServerSocket socket : taken) {
                socket.close();
            }
        }
    }
}
