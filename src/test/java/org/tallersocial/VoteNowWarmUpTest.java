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
        // A directory of its own: servers of other tests warm up in the shared temporary directory meanwhile.
        Path tmp = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tmp-");

        int acked = VoteNowWarmUp.warmUp(TemplateCatalog.load(Path.of("workshop-content")), new ObjectMapper(),
                new Texts(), tmp);

        assertThat(acked).isEqualTo(VoteNowWarmUp.PHONES * VoteNowWarmUp.ROUNDS);
        assertThat(warmUps(tmp)).as("the throwaway database is gone").isEmpty();
    }

    private static List<Path> warmUps(Path tmp) throws Exception {
        try (Stream<Path> all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("taller-warm-up-")).toList();
        }
    }
}
