package org.tallersocial;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tallersocial.content.ContentException;

public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Config config;
        try {
            config = Config.from(args, System.getenv());
        } catch (Config.HelpRequested e) {
            System.out.print(Config.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(Config.USAGE);
            System.exit(2);
            return;
        }
        App app;
        try {
            app = App.create(config);
        } catch (ContentException e) {
            System.err.println("The workshop templates in " + config.contentDir() + " have errors:");
            e.errors().forEach(err -> System.err.println("  " + err));
            System.exit(1);
            return;
        }
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            app.close();
            LOG.info("stopped");
        }, "shutdown"));
        String url = config.publicUrl();
        System.out.println();
        System.out.println("  Taller Social is running: " + url + "/");
        System.out.println("  Facilitator console:      " + url + "/facilitate");
        if (!config.everyInterface()) {
            System.out.println("  Listening on:             " + config.localHost() + ":" + app.port() + " only");
        }
        app.auth().setupPathIfNeeded().ifPresent(path -> {
            System.out.println();
            System.out.println("  No facilitator account yet. Create the first one here (one-time link):");
            System.out.println("  " + url + path);
        });
        System.out.println();
        System.out.println("  Data: " + config.dataDir() + "   Press Ctrl-C to stop.");
    }
}
