package org.parley.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who an anonymous caller is: a header is believed only from a trusted proxy, and then only its rightmost entry that
 * is not one of ours, so no caller picks the address they are counted as.
 */
class ClientAddressTest {

    private final ClientAddress behindTheConsole = new ClientAddress(List.of("127.0.0.1", "::1", "10.20.0.0/16"));

    @Test
    void aCallerWhoIsNoProxyIsTheirConnectionWhateverTheySay() {
        assertThat(behindTheConsole.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(new ClientAddress(List.of()).of("127.0.0.1", List.of("198.51.100.1")))
                .as("no proxy trusted at all")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyNamesTheCallerItWasCalledFrom() {
        assertThat(behindTheConsole.of("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindTheConsole.of("127.0.0.1", List.of())).as("no header").isEqualTo("127.0.0.1");
    }

    @Test
    void entriesLeftOfTheFirstUntrustedOneAreTheCallersOwnWordAndIgnored() {
        // The caller sent "198.51.100.1"; the ingress (10.20.1.5) appended the caller's address, the console the
        // ingress's.
        assertThat(behindTheConsole.of("127.0.0.1", List.of("198.51.100.1, 203.0.113.7, 10.20.1.5")))
                .isEqualTo("203.0.113.7");
        assertThat(behindTheConsole.of("127.0.0.1", List.of("198.51.100.1", "203.0.113.7, 10.20.1.5")))
                .as("the same hops over two headers")
                .isEqualTo("203.0.113.7");
        assertThat(behindTheConsole.of("127.0.0.1", List.of("10.20.9.9, 127.0.0.1")))
                .as("every hop one of ours: the leftmost")
                .isEqualTo("10.20.9.9");
    }

    @Test
    void portsAndOddEntriesAreReadAsProxiesWriteThem() {
        assertThat(behindTheConsole.of("127.0.0.1", List.of("203.0.113.7:4711")))
                .isEqualTo("203.0.113.7");
        assertThat(behindTheConsole.of("127.0.0.1", List.of("[2001:db8::1]:4711")))
                .isEqualTo("2001:db8:0:0:0:0:0:0/64");
        assertThat(behindTheConsole.of("127.0.0.1", List.of("203.0.113.7, _hidden")))
                .isEqualTo("_hidden");
        assertThat(behindTheConsole.of("127.0.0.1", List.of("x".repeat(500)))).hasSize(ClientAddress.LONGEST_NAME);
        assertThat(behindTheConsole.of("127.0.0.1", List.of(" , 203.0.113.7 ,, ")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6CallerIsTheirSlash64() {
        assertThat(behindTheConsole.of("2001:db8:7:1::1", List.of()))
                .isEqualTo(behindTheConsole.of("2001:db8:7:1:ffff:1:2:3", List.of()))
                .isNotEqualTo(behindTheConsole.of("2001:db8:7:2::1", List.of()));
        assertThat(behindTheConsole.of("::1", List.of("2001:db8:7:1::5"))).isEqualTo("2001:db8:7:1:0:0:0:0/64");
        assertThat(behindTheConsole.of("::ffff:127.0.0.1", List.of("203.0.113.7")))
                .as("an IPv4-mapped loopback is loopback")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void networksMatchOnTheirPrefixAlone() {
        ClientAddress networks = new ClientAddress(List.of("10.20.0.0/16", "fd00::/8", "192.0.2.128/25"));
        assertThat(networks.of("10.20.255.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(networks.of("10.21.0.1", List.of("203.0.113.7"))).isEqualTo("10.21.0.1");
        assertThat(networks.of("fd12::1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(networks.of("fe80::1", List.of("203.0.113.7"))).isEqualTo("fe80:0:0:0:0:0:0:0/64");
        assertThat(networks.of("192.0.2.200", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(networks.of("192.0.2.127", List.of("203.0.113.7"))).isEqualTo("192.0.2.127");
        assertThat(new ClientAddress(List.of("0.0.0.0/0")).of("198.51.100.1", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedAtStartAndNeverLookedUp() {
        assertThatThrownBy(() -> new ClientAddress(List.of("console.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("console.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientAddress.literal("localhost"))
                .as("a name is not resolved")
                .isNull();
    }
}
