package org.tallersocial;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address the kit listens on. Every interface by default, as a meeting room needs (phones reach
 * the laptop on its Wi-Fi address); one address of this machine when something else stands in front,
 * e.g. 127.0.0.1 behind a proxy on the same machine, so nobody reaches the kit around the proxy.
 */
final class BindAddress {

    private BindAddress() {
    }

    /**
     * @return null for every interface, else the address as a literal, checked to be one of this machine's
     *         (a name is resolved once, here, so the kit binds what was checked)
     */
    static String resolve(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String host = given.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused(given, "is not an address or a host name that resolves");
        }
        for (InetAddress a : addresses) {
            if (a.isAnyLocalAddress() || a.isLoopbackAddress() || ofThisMachine(a)) {
                return a.getHostAddress();
            }
        }
        List<String> found = new ArrayList<>();
        for (InetAddress a : addresses) {
            found.add(a.getHostAddress());
        }
        String resolvedTo = found.equals(List.of(host)) ? "" : "it is " + String.join(", ", found) + "; ";
        throw refused(given, "is not an address of this machine (" + resolvedTo + "this machine has "
                + localAddresses() + ")");
    }

    /** Whether a literal from {@link #resolve} stands for every interface (0.0.0.0, ::). */
    static boolean everyInterface(String resolved) {
        try {
            return resolved == null || InetAddress.getByName(resolved).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean ofThisMachine(InetAddress a) {
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static String localAddresses() {
        List<String> all = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (n.isUp()) {
                    Collections.list(n.getInetAddresses()).forEach(a -> all.add(a.getHostAddress()));
                }
            }
        } catch (SocketException e) {
            return "no interface the JVM can list";
        }
        return String.join(", ", all);
    }

    private static IllegalArgumentException refused(String given, String why) {
        return new IllegalArgumentException("bind address '" + given + "' " + why
                + ": give one of this machine's addresses, such as 127.0.0.1 behind a proxy on it,"
                + " or leave --bind out to listen on every interface");
    }
}
