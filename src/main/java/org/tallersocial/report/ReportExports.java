package org.tallersocial.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tallersocial.profiles.ProfileCsv;
import org.tallersocial.profiles.ProfilePictureJson;
import org.tallersocial.raci.RaciOutcome;
import org.tallersocial.web.Texts;

/**
 * The report as files: a CSV per section (UTF-8 with a BOM, headed in the
 * workshop's language), all of them in one ZIP, and the whole outcome as JSON
 * (docs/report.md; its shape, checked by a test, in docs/schema/report.schema.json). Built from the
 * {@link Report}, so no export can hold more than the report shows: no single person's answer, and no
 * name but those people gave in front of the room (ambassadors, volunteers).
 */
public final class ReportExports {

    public static final String SCHEMA = "taller-social/report";
    public static final int SCHEMA_VERSION = 1;

    private final Texts texts;
    private final ObjectMapper json;

    public ReportExports(Texts texts, ObjectMapper json) {
        this.texts = texts;
        this.json = json;
    }

    /** Every CSV of the report by file name, in the order a reader meets the sections. */
    public Map<String, String> csvFiles(Report r) {
        Locale locale = Texts.locale(r.workshop().language());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("participation.csv", participation(r, locale));
        files.put("polls.csv", polls(r, locale));
        if (!r.radars().isEmpty()) {
            files.put("readiness.csv", radars(r, locale));
        }
        for (Report.ProfileOutcome p : r.profiles()) {
            files.put(r.profiles().size() == 1 ? "profiles.csv" : "profiles-" + (p.position() + 1) + ".csv",
                    ProfileCsv.write(p.summary(), texts, locale));
        }
        if (!r.conversation().isEmpty()) {
            files.put("conversation.csv", conversation(r.conversation(), locale));
        }
        for (RaciOutcome m : r.raci()) {
            files.put(r.raci().size() == 1 ? "raci.csv" : "raci-" + (m.position() + 1) + ".csv", raci(m, locale));
        }
        return files;
    }

    public byte[] zip(Report r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : csvFiles(r).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("report.json"));
            zip.write(json(r).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public String json(Report r) {
        ObjectNode out = json.createObjectNode().put("schema", SCHEMA).put("version", SCHEMA_VERSION)
                .put("generatedAt", time(r.generatedAt()));
        ObjectNode w = out.putObject("workshop").put("title", r.workshop().title())
                .put("company", r.workshop().company()).put("code", r.workshop().code())
                .put("template", r.workshop().templateId()).put("language", r.workshop().language())
                .put("state", r.workshop().state().key());
        w.put("startedAt", time(r.workshop().startedAt())).put("closedAt", time(r.workshop().closedAt()));
        // What is not known yet (a workshop that never ran, a dimension nobody answered) is null, never left out.
        ObjectNode part = out.putObject("participation").put("joined", r.participation().joined())
                .put("joinedLater", r.participation().joinedLater())
                .put("minutes", r.participation().minutes());
        ArrayNode steps = part.putArray("steps");
        r.participation().steps().forEach(s -> steps.addObject().put("position", s.position()).put("key", s.key())
                .put("kind", s.kind()).put("title", s.title()).put("answered", s.answered())
                .put("answeredLater", s.answeredLater()));
        r.findings().forEach(out.putArray("findings")::add);
        ArrayNode polls = out.putArray("polls");
        r.polls().forEach(p -> polls.addObject().put("position", p.position()).put("key", p.key())
                .put("kind", p.kind()).put("title", p.title()).put("question", p.question())
                .put("resetAt", time(p.resetAt())).set("results", p.results()));
        ArrayNode radars = out.putArray("radars");
        for (Radar radar : r.radars()) {
            ObjectNode rn = radars.addObject().put("name", radar.name()).put("min", radar.min()).put("max", radar.max());
            ArrayNode axes = rn.putArray("dimensions");
            radar.axes().forEach(a -> {
                ObjectNode an = axes.addObject().put("label", a.label()).put("voters", a.voters())
                        .put("mean", a.mean());
                a.counts().forEach(an.putArray("counts")::add);
            });
        }
        ArrayNode profiles = out.putArray("profiles");
        r.profiles().forEach(p -> profiles.addObject().put("position", p.position()).put("title", p.title())
                .set("counts", ProfilePictureJson.of(p.summary())));
        ObjectNode talk = out.putObject("conversation").put("commitmentsDone", r.conversation().done());
        ArrayNode commitments = talk.putArray("commitments");
        r.conversation().commitments().forEach(c -> {
            ObjectNode cn = commitments.addObject().put("action", c.action()).put("role", c.role())
                    .put("due", c.due().toString()).put("status", c.status());
            c.volunteers().forEach(cn.putArray("volunteers")::add);
        });
        ArrayNode ideaLists = talk.putArray("ideas");
        r.conversation().ideas().forEach(list -> {
            ObjectNode ln = ideaLists.addObject().put("title", list.title());
            ArrayNode items = ln.putArray("ideas");
            list.ideas().forEach(i -> {
                ObjectNode idea = items.addObject().put("text", i.text()).put("votes", i.votes());
                i.merged().forEach(idea.putArray("merged")::add);
            });
        });
        ArrayNode openQ = talk.putArray("openQuestions");
        r.conversation().open().forEach(q -> openQ.addObject().put("text", q.text()).put("votes", q.votes()));
        ArrayNode answeredQ = talk.putArray("answeredQuestions");
        r.conversation().answered().forEach(q -> answeredQ.addObject().put("text", q.text()).put("votes", q.votes()));
        ArrayNode matrices = out.putArray("raci");
        for (RaciOutcome m : r.raci()) {
            ObjectNode mn = matrices.addObject().put("position", m.position()).put("title", m.title())
                    .put("settled", m.settled()).put("reason", m.reason()).put("proposers", m.proposers());
            m.roles().forEach(mn.putArray("roles")::add);
            ArrayNode rows = mn.putArray("activities");
            for (int i = 0; i < m.rows().size(); i++) {
                RaciOutcome.Row row = m.rows().get(i);
                RaciOutcome.RoomRow room = m.room().get(i);
                ObjectNode rn = rows.addObject().put("activity", row.activity());
                row.letters().forEach(rn.putArray("letters")::add);
                rn.putObject("room").put("proposers", room.proposers()).put("accountable", room.majorityA())
                        .put("split", room.split()).put("gap", room.gap()).put("differs", room.differs());
            }
            m.findings().forEach(mn.putArray("findings")::add);
        }
        ArrayNode reacted = out.putArray("reactions");
        r.reactions().forEach(s -> {
            ObjectNode sn = reacted.addObject().put("position", s.position()).put("key", s.key()).put("title", s.title())
                    .put("total", s.total());
            ObjectNode counts = sn.putObject("counts");
            s.counts().forEach(counts::put);
        });
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 3339 always: OffsetDateTime.toString() leaves out seconds that are zero ("09:30Z"). */
    private static String time(OffsetDateTime t) {
        return t == null ? null : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String participation(Report r, Locale locale) {
        return csv(locale, new String[] {"report.csv.step", "report.csv.title", "report.csv.kind", "report.csv.answered",
            "report.csv.answered_later"},
                csv -> {
                    csv.printRecord("", t(locale, "report.csv.joined"), "", r.participation().joined(),
                            r.participation().joinedLater());
                    for (Report.StepActivity s : r.participation().steps()) {
                        csv.printRecord(s.position() + 1, ProfileCsv.safe(s.title()), s.kind(), s.answered(),
                                s.answeredLater());
                    }
                });
    }

    private String polls(Report r, Locale locale) {
        return csv(locale, new String[] {"report.csv.step", "report.csv.question", "report.csv.item", "report.csv.value"},
                csv -> {
                    for (Report.PollOutcome p : r.polls()) {
                        String question = ProfileCsv.safe(p.question());
                        for (Chart.Bar bar : p.chart().bars()) {
                            csv.printRecord(p.position() + 1, question, ProfileCsv.safe(bar.label()), bar.value());
                        }
                        for (Chart.Stat stat : p.chart().stats()) {
                            csv.printRecord(p.position() + 1, question, stat.label(), stat.value());
                        }
                        for (String text : p.chart().texts()) {
                            csv.printRecord(p.position() + 1, question, t(locale, "report.csv.answer"),
                                    ProfileCsv.safe(text));
                        }
                    }
                });
    }

    private String radars(Report r, Locale locale) {
        return csv(locale, new String[] {"report.csv.group", "report.csv.dimension", "report.csv.mean",
            "report.csv.answered", "report.csv.counts"}, csv -> {
                for (Radar radar : r.radars()) {
                    for (Radar.Axis a : radar.axes()) {
                        csv.printRecord(ProfileCsv.safe(radar.name()), ProfileCsv.safe(a.label()),
                                a.mean() == null ? "" : a.mean(), a.voters(),
                                String.join(" ", a.counts().stream().map(String::valueOf).toList()));
                    }
                }
            });
    }

    private String conversation(Report.Conversation c, Locale locale) {
        return csv(locale, new String[] {"report.csv.section", "report.csv.item", "report.csv.value", "report.csv.detail"},
                csv -> {
                    for (Report.Commitment m : c.commitments()) {
                        csv.printRecord(t(locale, "report.commitments"), ProfileCsv.safe(m.action()),
                                ProfileCsv.safe(m.role()) + (m.due() == null ? "" : " · " + m.due()),
                                m.status() + (m.volunteers().isEmpty() ? ""
                                        : " · " + ProfileCsv.safe(String.join(", ", m.volunteers()))));
                    }
                    for (Report.IdeaList list : c.ideas()) {
                        for (Report.RankedIdea i : list.ideas()) {
                            csv.printRecord(ProfileCsv.safe(list.title()), ProfileCsv.safe(i.text()), i.votes(), "");
                        }
                    }
                    for (Report.AskedQuestion q : c.open()) {
                        csv.printRecord(t(locale, "report.questions_open"), ProfileCsv.safe(q.text()), q.votes(), "");
                    }
                    for (Report.AskedQuestion q : c.answered()) {
                        csv.printRecord(t(locale, "report.questions_answered"), ProfileCsv.safe(q.text()), q.votes(), "");
                    }
                });
    }

    private String raci(RaciOutcome m, Locale locale) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> head = new ArrayList<>();
            head.add(t(locale, "report.csv.activity"));
            m.roles().forEach(role -> head.add(ProfileCsv.safe(role)));
            head.add(t(locale, "report.csv.room_accountable"));
            csv.printRecord(head);
            for (int i = 0; i < m.rows().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(ProfileCsv.safe(m.rows().get(i).activity()));
                row.addAll(m.rows().get(i).letters());
                String roomA = m.room().get(i).majorityA();
                row.add(roomA == null ? "" : ProfileCsv.safe(roomA));
                csv.printRecord(row);
            }
            for (String finding : m.findings()) {
                csv.printRecord(t(locale, "report.csv.check"), ProfileCsv.safe(finding));
            }
            csv.printRecord(t(locale, "report.csv.settled"), m.settled() ? t(locale, "report.yes") : t(locale, "report.no"));
            if (m.reason() != null) {
                csv.printRecord(t(locale, "report.csv.reason"), ProfileCsv.safe(m.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private String csv(Locale locale, String[] headerKeys, Rows rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            Object[] header = new Object[headerKeys.length];
            for (int i = 0; i < headerKeys.length; i++) {
                header[i] = t(locale, headerKeys[i]);
            }
            csv.printRecord(header);
            rows.print(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String t(Locale locale, String key) {
        return texts.get(locale, key);
    }
}
