package com.ordertracking.shared.domain.sellerwebhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which receiver URLs we send to, checked at registration and again before every attempt (DNS may change):
 * <ul>
 *   <li>{@link #PUBLIC_ONLY} (AWS): {@code https} only, and every address the host resolves to must be public —
 *       no loopback (the Lambda runtime API listens there), private, carrier-grade NAT, link-local (the
 *       169.254.169.254 metadata service), unique-local IPv6, multicast, documentation or reserved ranges,
 *       including IPv4 hidden in IPv6 (mapped, NAT64).</li>
 *   <li>{@link #ALLOW_LOOPBACK} (the local runtime): the same, plus {@code http} or {@code https} to
 *       {@code localhost} / loopback literals, so a developer's receiver on 127.0.0.1 works. Private
 *       addresses stay refused.</li>
 * </ul>
 */
public enum ReceiverUrlPolicy {
    PUBLIC_ONLY("public-only"),
    ALLOW_LOOPBACK("allow-loopback");

    public static final int MAX_LENGTH = 2048;

    private final String settingValue;

    ReceiverUrlPolicy(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value of {@code WEBHOOK_URL_POLICY}: {@code public-only} or {@code allow-loopback}. */
    public static ReceiverUrlPolicy ofSetting(String value) {
        return Arrays.stream(values()).filter(p -> p.settingValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("WEBHOOK_URL_POLICY must be public-only or allow-loopback, got "
                        + value));
    }

    /** Name resolution, supplied by the composition root (DNS) or a test, so the rules themselves do no I/O. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The outcome of a check. */
    public sealed interface Verdict {
        record Allowed(URI uri) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    /** Checks the form of {@code url} and every address its host resolves to. */
    public Verdict check(String url, HostResolver resolver) {
        if (url == null || url.isBlank()) {
            return new Verdict.Refused("must be an absolute https URL");
        }
        if (url.length() > MAX_LENGTH) {
            return new Verdict.Refused("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Verdict.Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return new Verdict.Refused("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return new Verdict.Refused("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            return new Verdict.Refused("must not contain a fragment");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return new Verdict.Refused("host " + host + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return new Verdict.Refused("host " + host + " does not resolve");
        }
        boolean allLoopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (this == ALLOW_LOOPBACK && allLoopback && isLoopbackName(bareHost)) {
            return new Verdict.Allowed(uri);
        }
        if (!scheme.equals("https")) {
            return new Verdict.Refused("must use https");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return new Verdict.Refused("host " + host + " resolves to a non-public address (" + address.getHostAddress() + ")");
            }
        }
        return new Verdict.Allowed(uri);
    }

    private static boolean isLoopbackName(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("127.0.0.1") || lower.equals("::1");
    }

    /** True for globally routable unicast addresses only. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicIpv6(b);
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // "this network"
                || a0 == 10                                // private
                || a0 == 127                               // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127)    // carrier-grade NAT
                || (a0 == 169 && a1 == 254)                // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)     // private
                || (a0 == 192 && a1 == 0 && a2 == 0)       // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)       // documentation
                || (a0 == 192 && a1 == 88 && a2 == 99)     // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)                // private
                || (a0 == 198 && (a1 == 18 || a1 == 19))   // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)    // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113)     // documentation
                || a0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // fc00::/7 unique-local
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return false; // fec0::/10 deprecated site-local
        }
        if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d mapped
        }
        if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
            return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
        }
        if (isZero(b, 0, 12)) {
            return false; // ::, ::1 and the deprecated IPv4-compatible form
        }
        return (first & 0xe0) == 0x20; // 2000::/3 is the global unicast space
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
