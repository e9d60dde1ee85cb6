package org.tallersocial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallersocial.content.ContentException;

class ConfigTest {

    @Test
    void defaults_serve_on_7070_with_data_in_the_data_folder() {
        Config c = Config.from(new String[0], Map.of());
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.publicUrl()).isEqualTo("http://localhost:7070");
    }

    @Test
    void environment_variables_set_port_data_and_public_url() {
        Config c = Config.from(new String[0], Map.of("PORT", "8080", "DATA_DIR", "/tmp/w", "PUBLIC_URL", "http://10.0.0.5:8080/"));
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/w"));
        assertThat(c.publicUrl()).as("trailing slash dropped").isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void flags_win_over_environment_variables() {
        Config c = Config.from(new String[] {"--port", "9000", "--public-url", "https://kit.example"},
                Map.of("PORT", "8080"));
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.publicUrl()).isEqualTo("https://kit.example");
    }

    @Test
    void bad_options_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> Config.from(new String[] {"--port", "seventy"}, Map.of()))
                .hasMessage("port must be a number, got 'seventy'");
        assertThatThrownBy(() -> Config.from(new String[] {"--colour", "red"}, Map.of()))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> Config.from(new String[] {"--port"}, Map.of()))
                .hasMessage("missing value after --port");
        assertThatThrownBy(() -> Config.from(new String[] {"--public-url", "kit.local"}, Map.of()))
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> Config.from(new String[] {"--port", "70000"}, Map.of()))
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void address_limits_are_on_unless_switched_off_and_only_on_or_off_is_accepted() {
        assertThat(Config.from(new String[0], Map.of()).addressLimits()).isTrue();
        assertThat(Config.from(new String[0], Map.of("ADDRESS_LIMITS", "off")).addressLimits()).isFalse();
        assertThat(Config.from(new String[] {"--address-limits", "on"}, Map.of("ADDRESS_LIMITS", "off"))
                .addressLimits()).isTrue();
        assertThatThrownBy(() -> Config.from(new String[] {"--address-limits", "maybe"}, Map.of()))
                .hasMessageContaining("on or off");
    }

    @Test
    void the_kit_listens_on_every_interface_unless_bound_to_an_address_of_this_machine() {
        Config every = Config.from(new String[0], Map.of());
        assertThat(every.bind()).as("a meeting room: phones reach the laptop on its Wi-Fi").isNull();
        assertThat(every.localHost()).isEqualTo("localhost");
        assertThat(Config.from(new String[0], Map.of("BIND", " ")).bind()).as("blank is the default").isNull();
        Config loopback = Config.from(new String[0], Map.of("BIND", "127.0.0.1"));
        assertThat(loopback.bind()).isEqualTo("127.0.0.1");
        assertThat(loopback.localHost()).as("where scripts/backup finds it").isEqualTo("127.0.0.1");
        assertThat(Config.from(new String[] {"--bind", "localhost"}, Map.of("BIND", "0.0.0.0")).bind())
                .as("the flag wins, and a name is resolved to the address it is bound to").isEqualTo("127.0.0.1");
        assertThat(Config.from(new String[] {"--bind", "[::1]"}, Map.of()).localHost()).isEqualTo("[0:0:0:0:0:0:0:1]");
        Config all = Config.from(new String[] {"--bind", "0.0.0.0"}, Map.of());
        assertThat(all.bind()).isEqualTo("0.0.0.0");
        assertThat(all.localHost()).isEqualTo("localhost");
    }

    @Test
    void a_bind_address_that_is_not_this_machines_is_refused_with_what_is_wrong() {
        String[][] refused = {
            {"203.0.113.7", "is not an address of this machine (this machine has "},
            {"no-such-host.invalid", "is not an address or a host name that resolves"},
            {"127.0.0.1:7070", "is not an address or a host name that resolves"},
            {"http://127.0.0.1", "is not an address or a host name that resolves"},
        };
        for (String[] bad : refused) {
            assertThatThrownBy(() -> Config.from(new String[] {"--bind", bad[0]}, Map.of()))
                    .as(bad[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("bind address '" + bad[0] + "' " + bad[1])
                    .hasMessageContaining("such as 127.0.0.1");
        }
    }

    @Test
    void a_public_url_with_a_path_serves_the_kit_under_it() {
        Config c = Config.from(new String[] {"--public-url", "https://example.org/taller/"}, Map.of());
        assertThat(c.publicUrl()).isEqualTo("https://example.org/taller");
        assertThat(c.basePath()).isEqualTo("/taller");
        assertThat(c.secure()).isTrue();
        assertThat(Config.from(new String[0], Map.of()).basePath()).as("no path, the root").isEmpty();
        assertThat(Config.from(new String[] {"--public-url", "http://10.0.0.5:7070/"}, Map.of()).basePath()).isEmpty();
        assertThat(Config.from(new String[] {"--public-url", "http://h/a/b-c_d.e~f"}, Map.of()).basePath())
                .isEqualTo("/a/b-c_d.e~f");
    }

    @Test
    void a_public_url_the_kit_cannot_be_served_at_is_refused_with_what_is_wrong() {
        String[][] refused = {
            {"https://example.org/taller?x=1", "must not have a query"},
            {"https://example.org/?lang=es", "must not have a query"},
            {"https://example.org/taller#top", "must not have a fragment"},
            {"ftp://example.org/taller", "must start with http:// or https://"},
            {"HTTPS://example.org", "must start with http:// or https://"},
            {"https://", "is not a valid URL"},
            {"https:///taller", "has no host name"},
            {"https://marta:secret@example.org", "must not carry a user name or password"},
            {"https://example.org/my taller", "is not a valid URL"},
            {"https://example.org/t%C3%A1ller", "has a path the kit cannot be served under"},
            {"https://example.org/a/../b", "has a path the kit cannot be served under"},
            {"https://example.org//taller", "has a path the kit cannot be served under"},
        };
        for (String[] bad : refused) {
            assertThatThrownBy(() -> Config.from(new String[] {"--public-url", bad[0]}, Map.of()))
                    .as(bad[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad[1]).hasMessageContaining(bad[0].trim());
        }
    }

    @Test
    void help_lists_every_option() {
        assertThatThrownBy(() -> Config.from(new String[] {"--help"}, Map.of())).isInstanceOf(Config.HelpRequested.class);
        assertThat(Config.USAGE).contains("--port", "--data-dir", "--public-url", "PORT", "DATA_DIR", "PUBLIC_URL",
                "--bind ADDRESS", "BIND");
    }

    @Test
    void the_server_refuses_to_start_with_an_invalid_template(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("broken"));
        Files.writeString(content.resolve("broken/en.yaml"), "id: broken\nlanguage: en\ntitle: x\nsteps:\n  - id: a\n    kind: poll\n");
        Config config = new Config(0, dir.resolve("data"), "http://localhost", content);
        assertThatThrownBy(() -> App.create(config))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("broken/en.yaml:6");
        assertThat(dir.resolve("data")).as("nothing was created").doesNotExist();
    }
}
