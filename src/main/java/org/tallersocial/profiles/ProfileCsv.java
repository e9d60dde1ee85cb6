package org.tallersocial.profiles;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tallersocial.web.Texts;

/**
 * The room's counts as CSV, one count a row, headed and labelled in the
 * workshop's language. A hidden count is written as "<3", never as its value.
 */
public final class ProfileCsv {

    private ProfileCsv() {
    }

    public static String write(ProfileSummary s, Texts texts, Locale locale) {
        StringWriter out = new StringWriter();
        // A BOM, so that spreadsheet programs read the accents of a Spanish export right.
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(t(texts, locale, "profiles.csv.section"), t(texts, locale, "profiles.csv.network"),
                    t(texts, locale, "profiles.csv.item"), t(texts, locale, "profiles.csv.count"));
            String hidden = "<" + s.threshold();
            csv.printRecord(t(texts, locale, "profiles.csv.respondents"), "", "", s.respondents());
            for (ProfileSummary.NetworkRow row : s.networks()) {
                String network = safe(row.network());
                csv.printRecord(t(texts, locale, "profiles.csv.answered"), network, "", row.answered());
                rows(csv, t(texts, locale, "profiles.csv.profile"), network, row.presence(),
                        labels(texts, locale, "presence", ProfileVocabulary.PRESENCE), hidden);
                rows(csv, t(texts, locale, "profiles.csv.ladder"), network, row.ladder(),
                        labels(texts, locale, "ladder", ProfileVocabulary.LADDER), hidden);
            }
            for (ProfileSummary.Count c : s.obstacles()) {
                csv.printRecord(t(texts, locale, "profiles.csv.obstacle"), "", label(texts, locale, "obstacle", c.key()),
                        shown(c.count(), hidden));
            }
            for (ProfileSummary.Count c : s.helps()) {
                csv.printRecord(t(texts, locale, "profiles.csv.help"), "", label(texts, locale, "help", c.key()),
                        shown(c.count(), hidden));
            }
            ProfileSummary.Cross cross = s.cross();
            for (int o = 0; o < cross.obstacles().size(); o++) {
                for (int h = 0; h < cross.helps().size(); h++) {
                    csv.printRecord(t(texts, locale, "profiles.csv.obstacle_help"), "",
                            label(texts, locale, "obstacle", cross.obstacles().get(o)) + " + "
                                    + label(texts, locale, "help", cross.helps().get(h)),
                            shown(cross.cells()[o][h], hidden));
                }
            }
            for (var entry : s.ambassadors().entrySet()) {
                for (String name : entry.getValue()) {
                    csv.printRecord(t(texts, locale, "profiles.csv.ambassador"), safe(entry.getKey()), safe(name), "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void rows(CSVPrinter csv, String section, String network, Integer[] counts, List<String> labels,
                             String hidden) throws IOException {
        for (int i = 0; i < counts.length; i++) {
            csv.printRecord(section, network, labels.get(i), shown(counts[i], hidden));
        }
    }

    private static Object shown(Integer count, String hidden) {
        return count == null ? hidden : count;
    }

    private static List<String> labels(Texts texts, Locale locale, String group, List<String> keys) {
        return keys.stream().map(k -> label(texts, locale, group, k)).toList();
    }

    private static String label(Texts texts, Locale locale, String group, String key) {
        return texts.get(locale, "js.profiles." + group + "." + key);
    }

    private static String t(Texts texts, Locale locale, String key) {
        return texts.get(locale, key);
    }

    /** What a person typed never becomes a spreadsheet formula. */
    public static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
