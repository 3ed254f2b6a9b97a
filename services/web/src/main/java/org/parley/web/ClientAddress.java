package org.parley.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who an anonymous request comes from, as {@link NotFoundThrottle} counts it: the connection's peer, unless the peer
 * is one of our own proxies (the console, an ingress: {@code parley.not-found.trusted-proxies}); then the rightmost
 * address of {@code X-Forwarded-For} that is not one of ours. Each proxy appends the address it was called from, so
 * everything left of that entry was written by the caller and is never believed: no header chooses the address. An
 * IPv6 address counts as its /64 network, which one subscriber holds whole and could otherwise walk through.
 */
public final class ClientAddress {

    /** The longest value of a forwarded entry that is not an address (a proxy's obfuscated name) kept as a key. */
    static final int LONGEST_NAME = 64;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Network> trusted;

    /**
     * @param trustedProxies addresses and networks ({@code 10.0.0.0/8}, {@code ::1}) whose forwarded addresses are
     *     believed
     * @throws IllegalArgumentException for an entry that is neither
     */
    public ClientAddress(List<String> trustedProxies) {
        List<Network> networks = new ArrayList<>();
        for (String entry : trustedProxies) {
            networks.add(Network.parse(entry.trim()));
        }
        this.trusted = List.copyOf(networks);
    }

    /**
     * The caller of a request from {@code peer} (the connection's address) carrying {@code forwardedFor} (each
     * {@code X-Forwarded-For} header's value, in order; none when absent).
     */
    public String of(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || !trusts(peerAddress)) {
            return peerAddress == null ? name(peer) : key(peerAddress);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            Arrays.stream(header.split(","))
                    .map(String::trim)
                    .filter(hop -> !hop.isEmpty())
                    .forEach(hops::add);
        }
        String caller = key(peerAddress);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(withoutPort(hops.get(i)));
            if (hop == null) {
                // Not an address (RFC 7239 allows obfuscated names): our proxy wrote it, so it names the caller.
                return name(hops.get(i));
            }
            caller = key(hop);
            if (!trusts(hop)) {
                return caller;
            }
        }
        // Every hop is one of ours: the leftmost is the nearest thing to a caller there is.
        return caller;
    }

    private boolean trusts(InetAddress address) {
        return trusted.stream().anyMatch(network -> network.contains(address));
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }

    private static String name(String value) {
        return value.length() <= LONGEST_NAME ? value : value.substring(0, LONGEST_NAME);
    }

    /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without the port, as some proxies write them. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    /** The address written in {@code text}, or null when it is not an IP literal (a name is never looked up). */
    static @Nullable InetAddress literal(@Nullable String text) {
        boolean ipv4 = text != null && IPV4.matcher(text).matches();
        boolean ipv6 =
                text != null && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address and the number of leading bits a match must share with it. */
    private static final class Network {

        private final byte[] address;
        private final int bits;

        private Network(byte[] address, int bits) {
            this.address = address;
            this.bits = bits;
        }

        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or network: \"" + entry + "\"");
            }
            int width = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? width : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length: \"" + entry + "\"", e);
            }
            if (bits < 0 || bits > width) {
                throw new IllegalArgumentException("a prefix length from 0 to " + width + ": \"" + entry + "\"");
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
