package org.tallersocial.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Matcher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.DefaultRun;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.TestServer;

/** The owner opens the report from a review link, and it prints to a PDF worth forwarding. */
class ReportPrintTest {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    @Test
    void the_report_opens_from_a_review_link_and_prints_to_pdf_with_every_section() throws Exception {
        try (TestServer server = TestServer.start(TestServer.REAL_CONTENT); Chromium laptop = Chromium.console();
             Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = DefaultRun.closed(server, facilitator, "Panadería Ruiz");
            Matcher link = DefaultRun.REVIEW_LINK.matcher(facilitator.post("/facilitate/" + room.id + "/review-links",
                    "reader", "Carmen", "days", "").body());
            assertThat(link.find()).isTrue();
            String url = server.baseUrl() + "/r/" + link.group(2);

            laptop.go(url);
            laptop.awaitText("h1", "All hands Panadería Ruiz");
            laptop.fullPageScreenshot("report-01-laptop");
            assertThat(laptop.scrollsSideways()).isFalse();
            phone.go(url);
            phone.awaitText("h1", "All hands Panadería Ruiz");
            phone.fullPageScreenshot("report-02-phone");
            assertThat(phone.scrollsSideways()).as("the report on a phone").isFalse();
            Object smallest = phone.script("return Math.min.apply(null, Array.from(document.querySelectorAll("
                    + "'.radar text')).filter(function (t) { return t.getBoundingClientRect().height > 0; })"
                    + ".map(function (t) { return t.getBoundingClientRect().height; }));");
            assertThat(((Number) smallest).doubleValue()).as("the radar's words on a phone, in px").isGreaterThan(12);

            PrintOptions options = new PrintOptions();
            options.setBackground(true);
            byte[] pdf = Base64.getDecoder().decode(((PrintsPage) laptop.driver()).print(options).getContent());
            Files.createDirectories(Chromium.SCREENSHOTS);
            Files.write(Chromium.SCREENSHOTS.resolve("report.pdf"), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("Summary", "What most needs your attention", "Internal readiness",
                        "Linking our profiles", "Who does what?", "Every poll");
                assertThat(text).doesNotContain("Print or save as PDF").doesNotContain("Log out");
                PDFTextStripper page = new PDFTextStripper();
                java.util.List<Integer> lines = new java.util.ArrayList<>();
                for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                    page.setStartPage(p);
                    page.setEndPage(p);
                    lines.add((int) page.getText(doc).lines().filter(l -> !l.isBlank()).count());
                }
                System.out.println("report.pdf: lines of text per A4 page " + lines);
                assertThat(lines.subList(0, lines.size() - 1)).as("no page but the last is nearly empty (lines per page)")
                        .allMatch(n -> n >= 15);
            }
            assertThat(laptop.consoleErrors()).isEmpty();
            room.close();
        }
    }
}
