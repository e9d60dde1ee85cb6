package org.tallersocial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tallersocial.content.TemplateCatalog;
import org.tallersocial.web.Texts;

class VoteNowWarmUpTest {

    @Test
    void a_thousand_phones_warm_up_on_the_shipped_polls_through_the_pipeline_and_leave_nothing_behind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = warmUps(tmp);

        int acked = VoteNowWarmUp.warmUp(TemplateCatalog.load(Path.of("workshop-content")), new ObjectMapper(),
                new Texts());

        assertThat(acked).isEqualTo(VoteNowWarmUp.PHONES * VoteNowWarmUp.ROUNDS);
        assertThat(warmUps(tmp)).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> warmUps(Path tmp) throws Exception {
        try (Stream<Path> all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("taller-warm-up-")).toList();
        }
    }
}
