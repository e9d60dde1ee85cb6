package org.tallersocial.content;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Command-line check of the workshop content, for authors and CI: exit 0 when it all loads. */
public final class CheckContent {

    private CheckContent() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = Path.of(args.length > 0 ? args[0] : "workshop-content");
        try {
            TemplateCatalog catalog = TemplateCatalog.load(dir);
            for (WorkshopTemplate t : catalog.all()) {
                out.printf(Locale.ROOT, "%s/%s: %d steps, %s planned minutes, \"%s\"%n",
                        t.id(), t.language(), t.steps().size(), minutes(t.plannedSeconds()), t.title());
            }
            out.printf(Locale.ROOT, "%d template(s) OK in %s%n", catalog.all().size(), dir);
            return 0;
        } catch (ContentException e) {
            e.errors().forEach(err::println);
            err.printf(Locale.ROOT, "%d error(s) in %s%n", e.errors().size(), dir);
            return 1;
        }
    }

    private static String minutes(int seconds) {
        return seconds % 60 == 0
                ? Integer.toString(seconds / 60)
                : String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }
}
