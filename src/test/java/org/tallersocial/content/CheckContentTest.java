package org.tallersocial.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckContentTest {

    @TempDir
    Path tempDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CheckContent.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void valid_content_lists_each_template_and_exits_zero() {
        new ContentDir(tempDir).template("alpha", "en", """
                  - id: hello
                    kind: slide
                    title: "Hello"
                    duration: 1m30s
                """);

        assertThat(run(tempDir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("alpha/en: 1 steps, 1.5 planned minutes, \"A test workshop\"")
                .contains("1 template(s) OK");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void broken_content_prints_every_error_and_exits_one() {
        new ContentDir(tempDir).template("alpha", "en", """
                  - id: hello
                    kind: slid
                    title: "Hello"
                    duraton: 1m
                """);

        assertThat(run(tempDir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("alpha/en.yaml:7: steps[0].kind: unknown kind 'slid'")
                .contains("alpha/en.yaml:9: steps[0].duraton: unknown field; did you mean 'duration'?")
                .contains("alpha/en.yaml:6: steps[0].duration: is required")
                .contains("3 error(s)");
    }

    @Test
    void without_arguments_the_shipped_content_is_checked() {
        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("social-business/en: ");
    }
}
