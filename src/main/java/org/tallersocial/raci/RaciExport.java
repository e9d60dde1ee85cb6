package org.tallersocial.raci;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tallersocial.live.Room;
import org.tallersocial.web.Texts;
import org.tallersocial.workshop.Step;

/**
 * The settled matrix out of the room: a CSV (one row per activity, one column
 * per role, then the checks and the settlement) and the model of the printable page.
 */
final class RaciExport {

    private RaciExport() {
    }

    static String csv(RaciBoard board, Texts texts, Locale locale) {
        RaciMatrix m;
        Settlement settlement;
        synchronized (board) {
            m = board.matrix();
            settlement = board.settlement();
        }
        StringWriter out = new StringWriter();
        // A BOM, so that spreadsheet programs read the accents of a Spanish export right.
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> head = new ArrayList<>();
            head.add(texts.get(locale, "raci.csv.activity"));
            m.roles().forEach(r -> head.add(safe(r.name())));
            csv.printRecord(head);
            for (Activity a : m.activities()) {
                List<String> row = new ArrayList<>();
                row.add(safe(a.name()));
                m.roles().forEach(r -> row.add(letter(m.letter(a.id(), r.id()))));
                csv.printRecord(row);
            }
            csv.println();
            for (String finding : RaciFindings.describe(m, texts, locale)) {
                csv.printRecord(texts.get(locale, "raci.csv.check"), safe(finding));
            }
            csv.printRecord(texts.get(locale, "raci.csv.settled"), status(settlement, texts, locale));
            if (settlement.settled() && settlement.reason() != null) {
                csv.printRecord(texts.get(locale, "raci.csv.reason"), safe(settlement.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, Object> printModel(Room room, Step step, RaciBoard board, Texts texts, Locale locale) {
        RaciMatrix m;
        Settlement settlement;
        synchronized (board) {
            m = board.matrix();
            settlement = board.settlement();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Activity a : m.activities()) {
            rows.add(Map.of("name", a.name(), "letters", m.roles().stream().map(r -> letter(m.letter(a.id(), r.id()))).toList()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("workshop", room.workshop());
        model.put("title", step.spec().title());
        model.put("roles", m.roles().stream().map(Role::name).toList());
        model.put("rows", rows);
        List<String> findings = RaciFindings.describe(m, texts, locale);
        model.put("findings", findings);
        model.put("status", status(settlement, texts, locale));
        model.put("reason", settlement.settled() ? settlement.reason() : null);
        // What failed when it was settled, when that is not simply what fails now.
        boolean same = settlement.failingChecks().equals(findings);
        model.put("failing", settlement.settled() && !same ? settlement.failingChecks() : List.of());
        return model;
    }

    private static String status(Settlement s, Texts texts, Locale locale) {
        if (!s.settled()) {
            return texts.get(locale, "raci.status.not_settled");
        }
        String when = s.at().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale));
        return texts.get(locale, s.reason() == null ? "raci.status.settled" : "raci.status.settled_anyway", s.by(), when);
    }

    static String letter(Letter l) {
        return l == null ? "" : l.name();
    }

    /** What a person typed never becomes a spreadsheet formula. */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
