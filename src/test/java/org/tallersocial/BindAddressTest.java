package org.tallersocial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tallersocial.backup.BackupCommand;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.TestServer;

/**
 * --bind: a kit behind a proxy on the same machine listens on 127.0.0.1 and nobody reaches it around
 * the proxy; bound to another address of the machine it listens there only; scripts/backup finds it
 * either way; an address that is not this machine's stops it at start.
 */
class BindAddressTest {

    @Test
    void bound_to_loopback_it_answers_on_127_0_0_1_on_no_other_address_and_backs_up() throws Exception {
        try (TestServer server = TestServer.boundTo("127.0.0.1")) {
            assertThat(new Browser("http://127.0.0.1:" + server.port()).get("/health").status()).isEqualTo(200);
            String other = otherAddress().orElseGet(() -> {
                // No address besides loopback here (a container with lo only): 127.0.0.2 is this machine's
                // too on Linux, and a socket bound to 127.0.0.1 must not answer it either.
                System.out.println("BindAddressTest: no non-loopback address on this machine; checking 127.0.0.2");
                return "127.0.0.2";
            });
            assertUnreachable(other, server.port());
            assertThat(backup(server)).contains("from the running server");
        }
    }

    @Test
    void bound_to_another_address_of_this_machine_it_answers_there_only_and_backs_up() throws Exception {
        String address = otherAddress().orElseGet(() -> {
            System.out.println("BindAddressTest: no non-loopback address on this machine; binding 127.0.0.2");
            return "127.0.0.2";
        });
        try (TestServer server = TestServer.boundTo(address)) {
            assertThat(server.app().config().bind()).isEqualTo(address);
            assertThat(new Browser("http://" + address + ":" + server.port()).get("/health").status())
                    .isEqualTo(200);
            assertUnreachable("127.0.0.1", server.port());
            // The backup route takes the machine's own address for the machine, as it takes loopback.
            assertThat(backup(server)).contains("from the running server");
        }
    }

    @Test
    void an_address_that_is_not_this_machines_stops_the_kit_at_start_with_a_clear_message() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bind-");
        Run flag = main(Map.of(), "--bind", "203.0.113.7", "--data-dir", data.toString());
        assertThat(flag.exit).as(flag.output).isEqualTo(2);
        assertThat(flag.output).contains("error: bind address '203.0.113.7' is not an address of this machine",
                "127.0.0.1", "Usage:", "--bind ADDRESS");
        Run env = main(Map.of("BIND", "no-such-host.invalid"), "--data-dir", data.toString());
        assertThat(env.exit).as(env.output).isEqualTo(2);
        assertThat(env.output).contains("error: bind address 'no-such-host.invalid' is not an address or a host name"
                + " that resolves");
        try (var files = Files.list(data)) {
            assertThat(files).as("nothing was opened").isEmpty();
        }
        assertThatThrownBy(() -> TestServer.boundTo("203.0.113.7")).rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this machine has " + String.join(", ", upAddresses()))
                .hasMessageContaining("such as 127.0.0.1 behind a proxy on it, or leave --bind out");
    }

    /** An address of this machine that is not loopback, IPv4 first, as a laptop's Wi-Fi address. */
    private static Optional<String> otherAddress() throws IOException {
        List<InetAddress> candidates = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        candidates.add(a);
                    }
                }
            }
        }
        candidates.sort((a, b) -> Boolean.compare(!(a instanceof Inet4Address), !(b instanceof Inet4Address)));
        return candidates.stream().findFirst().map(InetAddress::getHostAddress);
    }

    private static List<String> upAddresses() throws IOException {
        List<String> all = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp()) {
                Collections.list(n.getInetAddresses()).forEach(a -> all.add(a.getHostAddress()));
            }
        }
        return all;
    }

    private static void assertUnreachable(String address, int port) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 2000);
            }
        }).as("nothing listens on %s:%s", address, port).isInstanceOf(ConnectException.class);
    }

    private static String backup(TestServer server) throws IOException {
        Path zip = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bind-backup-")
                .resolve("copy.zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exit = BackupCommand.run(new String[] {"--data-dir", server.dataDir().toString(), zip.toString()},
                    Map.of(), both, both);
        }
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(said).isZero();
        assertThat(zip).isRegularFile();
        return said;
    }

    private record Run(int exit, String output) {
    }

    private static Run main(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BIND");
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
