package org.tallersocial.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tallersocial.testing.Browser;
import org.tallersocial.testing.Chromium;
import org.tallersocial.testing.Chromium.Size;
import org.tallersocial.testing.Facilitators;
import org.tallersocial.testing.LiveRoom;
import org.tallersocial.testing.LiveRoom.Phone;
import org.tallersocial.testing.TestServer;
import org.tallersocial.testing.WsClient;
import org.tallersocial.web.Texts;

/**
 * Walks every step of a workshop with a room of phones answering, and keeps
 * what each screen showed in target/screenshots/ for people to look at. On the
 * way it checks what a machine can judge: nothing on a phone scrolls sideways
 * (390 and 360 px wide), nothing on the projector is cut off, projector text
 * is big enough to read from the back of the room. One class per walk, so that
 * the two test JVMs share the walks out between them.
 */
abstract class ScreenshotTour {

    /** Smallest text on the projector's stage, in CSS pixels on a 1080-pixel-high screen: 1/36 of its height. */
    private static final int MIN_STAGE_TEXT_PX = 30;
    /** The header and footer lines (join code, counts, progress) may be smaller, not tiny. */
    private static final int MIN_EDGE_TEXT_PX = 22;

    private static final String[] NAMES = {"Lucía", "", "Jordi", "Amaia", "", "Carmen", "Iker"};
    static final String[] WORDS = {"trust", "time", "teamwork", "trust", "customers", "clarity", "trust",
        "doubt", "coffee", "energy", "time", "listening"};
    static final String[] TEXTS = {
        "We answer customers on WhatsApp every day, but nobody knows who should.",
        "None that I can see.",
        "Instagram brought us two catering orders last month, from people who saw the cakes.",
        "A bad review on Google that sat unanswered for three weeks.",
        "Recruiting: two of our new bakers found us on LinkedIn.",
        "I don't know, nobody measures it.",
        "Customers ask about opening hours in the comments and we reply days later; it makes us look careless.",
    };
    private static final double[] GUESSES = {12, 30, 35, 44, 50, 62, 80};

    final SoftAssertions checks = new SoftAssertions();

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    void tour(Path content, String template, String tag, boolean consoleEveryStep) {
        // The workshop's language is its template's; phones and the projector follow it, and here the
        // facilitator switches the console to it too. What the screens say is looked up in the bundles.
        String lang = template.substring(template.indexOf('/') + 1);
        Words words = new Words(java.util.Locale.forLanguageTag(lang));
        try (TestServer server = TestServer.start(content); Chromium laptop = Chromium.console();
             Chromium projector = Chromium.projector(); Chromium phone = Chromium.phone()) {
            Browser facilitator = Facilitators.first(server);
            LiveRoom room = LiveRoom.draft(server, facilitator, template);
            try (room) {
                InBrowser.logIn(laptop, server);
                InBrowser.openConsole(laptop, server, room.id);
                if (!lang.equals(laptop.find("html").getDomAttribute("lang"))) {
                    InBrowser.switchLanguage(laptop, lang);
                    InBrowser.awaitConnected(laptop);
                }
                InBrowser.openProjector(projector, server, room);
                checks.assertThat(projector.find("html").getDomAttribute("lang")).as("the projector's language")
                        .isEqualTo(lang);
                shootConsole(laptop, tag + "-00-console-draft");
                shootProjector(projector, tag + "-00-projector-draft");

                laptop.find("#go-live").click();
                laptop.awaitVisible("#state-badge.live");
                // The console's clock runs from going live: the room starts on time.
                laptop.awaitText("#clock-workshop", words.get("js.console.clock_on_time"));
                phone.go(server.baseUrl() + "/j/" + room.code);
                phone.awaitVisible("input[name=name]");
                checks.assertThat(phone.find("html").getDomAttribute("lang")).as("the phone's language").isEqualTo(lang);
                shootPhone(phone, tag + "-00-phone-join");
                InBrowser.joinByLink(phone, server, room.code, "Marisa Fernández-Villaverde");
                List<Phone> phones = new ArrayList<>();
                for (String name : NAMES) {
                    phones.add(room.join(name));
                }
                WsClient console = room.console();
                projector.awaitText("#connected", String.valueOf(phones.size() + 1));

                int count = console.await("state").at("/step/count").asInt();
                boolean quizShot = false;
                for (int i = 0; i < count; i++) {
                    room.goTo(i);
                    JsonNode step = console.awaitStep(i).get("step");
                    boolean quiz = "quiz".equals(step.path("kind").asText());
                    if (!quiz) {
                        // A quiz question runs on its own clock; every other step gets the facilitator's.
                        room.act("/timer", "seconds", String.valueOf(Math.max(60, step.path("durationSeconds").asInt())));
                    }
                    String name = String.format("%s-%02d-%s", tag, i + 1, step.path("key").asText());
                    InBrowser.awaitPhoneStep(phone, i);
                    InBrowser.awaitProjectorStep(projector, i);
                    laptop.awaitVisible("#agenda li.is-current[data-index='" + i + "']");
                    laptop.awaitText("#timer", ":");
                    if (!step.has("question")) {
                        // A slide, or an exercise the room does together: nothing to answer on the phone.
                        shootPhone(phone, name + "-phone");
                        shootProjector(projector, name + "-projector");
                        if (consoleEveryStep || i == 0) {
                            shootConsole(laptop, name + "-console");
                        }
                        if ("profiles".equals(step.path("kind").asText())) {
                            profiles(step, phones, projector, laptop, name, words);
                        }
                        if ("ideas".equals(step.path("kind").asText())) {
                            ideas(room, step, phones, phone, projector, laptop, name, lang);
                        }
                        if ("commitments".equals(step.path("kind").asText())) {
                            commitments(room, step, phones, phone, projector, laptop, name, words);
                        }
                        // The first question shows every state of a quiz; the others are the same screens again.
                        if (quiz && !quizShot) {
                            quizShot = true;
                            quiz(room, step, phones, phone, projector, laptop, name, words);
                        }
                        continue;
                    }
                    poll(room, step, phones, phone, projector, laptop, name, consoleEveryStep, words);
                }

                room.act("/close");
                phone.awaitText("#phone h1", words.get("js.ended_heading"));
                projector.awaitText("#stage", words.get("js.thank_you"));
                shootPhone(phone, tag + "-99-closed-phone");
                shootProjector(projector, tag + "-99-closed-projector");
                for (Chromium screen : List.of(laptop, projector, phone)) {
                    checks.assertThat(screen.consoleErrors()).as("script errors and refused content on %s",
                            screen.size()).isEmpty();
                }
            }
        }
        checks.assertAll();
    }

    private void poll(LiveRoom room, JsonNode step, List<Phone> phones, Chromium phone, Chromium projector,
                      Chromium laptop, String name, boolean consoleShots, Words words) {
        long stepId = step.path("id").asLong();
        String kind = step.path("kind").asText();
        phone.awaitVisible("#phone .question");
        shootPhone(phone, name + "-phone-open");
        answerOnScreen(phone, step);
        phone.awaitText("#phone .status", words.get("js.saved"));
        shootPhone(phone, name + "-phone");

        for (int j = 0; j < phones.size(); j++) {
            JsonNode ack = phones.get(j).answerAndWait(stepId, answer(step, j));
            checks.assertThat(ack.path("type").asText()).as("%s: phone %d's answer %s", name, j, ack).isEqualTo("ack");
        }
        int voters = phones.size() + 1;
        if (step.path("resultsVisible").asBoolean()) {
            projector.awaitText("#stage", words.get("js.answers_many", voters));
        } else {
            projector.awaitText("#stage", words.get("js.answer_on_phone"));
        }
        laptop.awaitText("#answered", String.valueOf(voters));
        shootProjector(projector, name + "-projector");
        if (consoleShots) {
            shootConsole(laptop, name + "-console");
        }

        room.poll(stepId, "close");
        room.poll(stepId, "reveal");
        projector.awaitText("#poll-state", words.get("js.voting_closed"));
        projector.awaitText("#stage", words.get("js.answers_many", voters));
        if ("text".equals(kind) && consoleShots) {
            WebElement hide = laptop.awaitVisible("#results .hide-answer");
            hide.click();
            laptop.awaitVisible("#results .wall li.is-hidden");
            projector.await(d -> d.findElements(By.cssSelector("#stage .wall li")).size() == voters - 1);
        }
        shootProjector(projector, name + "-projector-results");
        phone.awaitVisible("#phone .phone-results h2");
        shootPhone(phone, name + "-phone-results");
        if (consoleShots) {
            shootConsole(laptop, name + "-console-results");
        }
    }

    /** The room answers the profile-linking exercise, network by network, with a spread a real team might give. */
    private void profiles(JsonNode step, List<Phone> phones, Chromium projector, Chromium laptop, String name,
                          Words words) {
        long stepId = step.path("id").asLong();
        JsonNode networks = step.at("/exercise/networks");
        for (int j = 0; j < phones.size(); j++) {
            for (int n = 0; n < networks.size(); n++) {
                boolean has = n % 3 != 2 || j >= 4;
                int ladder = n % 3 == 2 ? 2 : (j + n) % phones.size() < 3 ? 1 : 3;
                JsonNode reply = org.tallersocial.testing.ProfileAnswers.send(phones.get(j).ws, stepId,
                        networks.get(n).asText(), org.tallersocial.testing.ProfileAnswers.answer(
                                has ? "yes" : "no", has ? ladder : null,
                                List.of(j % 2 == 0 ? "time" : "privacy"),
                                List.of(j % 2 == 0 ? "training" : "guidelines")));
                checks.assertThat(reply.path("type").asText()).as("%s: profile answer %s", name, reply)
                        .isEqualTo("ack");
            }
        }
        projector.awaitText("#stage", words.get("js.profiles.respondents_many", phones.size()));
        shootProjector(projector, name + "-projector-answers");
        laptop.awaitText("#results", words.get("js.profiles.respondents_many", phones.size()));
        shootConsole(laptop, name + "-console-answers");
    }

    private final List<Long> ideaIds = new ArrayList<>();

    /** The room sends ideas and upvotes them; the facilitator merges a duplicate. */
    private void ideas(LiveRoom room, JsonNode step, List<Phone> phones, Chromium phone, Chromium projector,
                       Chromium laptop, String name, String lang) {
        long stepId = step.path("id").asLong();
        List<String> ideas = lang.equals("es")
                ? List.of("Responder todas las reseñas en menos de un día", "Una foto del obrador cada mañana",
                        "Contestar las reseñas en el mismo día", "Pautas claras para publicar sin miedo",
                        "Un vídeo corto al mes con el equipo")
                : List.of("Answer every review within a day", "A photo of the bakery every morning",
                        "Reply to reviews on the same day", "Clear guidelines so we post without fear",
                        "A short team video every month");
        ideaIds.clear();
        for (int j = 0; j < ideas.size(); j++) {
            JsonNode ack = org.tallersocial.testing.Conversation.send(phones.get(j).ws,
                    org.tallersocial.testing.Conversation.idea(stepId, ideas.get(j)));
            checks.assertThat(ack.path("type").asText()).as("%s: idea %s", name, ack).isEqualTo("ack");
            ideaIds.add(ack.path("idea").asLong());
        }
        for (int j = 0; j < phones.size(); j++) {
            for (int k = 0; k <= j % 3; k++) {
                org.tallersocial.testing.Conversation.send(phones.get(j).ws,
                        org.tallersocial.testing.Conversation.ideaVote(stepId, ideaIds.get((j + k) % ideas.size()), true));
            }
        }
        room.act("/steps/" + stepId + "/ideas/" + ideaIds.get(2), "action", "merge", "into", String.valueOf(ideaIds.get(0)));
        phone.awaitText("#phone .idea-list", ideas.get(1));
        InBrowser.click(phone, "#phone .idea-list li:nth-child(1) .upvote");
        phone.await(d -> d.findElements(By.cssSelector("#phone .idea-list .upvote[aria-pressed=true]")).size() == 1);
        projector.await(d -> d.findElements(By.cssSelector("#stage .idea-row")).size() == ideas.size() - 1);
        shootPhone(phone, name + "-phone-ideas");
        shootProjector(projector, name + "-projector-ideas");
        shootConsole(laptop, name + "-console-ideas");
    }

    /** The facilitator turns the top ideas into commitments; people take them on. */
    private void commitments(LiveRoom room, JsonNode step, List<Phone> phones, Chromium phone, Chromium projector,
                             Chromium laptop, String name, Words words) {
        long stepId = step.path("id").asLong();
        String due = java.time.LocalDate.now().plusMonths(1).toString();
        String[] roles = {"Customer service", "Community manager", "Owner"};
        for (int i = 0; i < Math.min(3, ideaIds.size()); i++) {
            room.act("/commitments", "idea", String.valueOf(ideaIds.get(i == 2 ? 3 : i)), "action", "",
                    "role", roles[i], "due", due);
        }
        projector.await(d -> d.findElements(By.cssSelector("#stage .commitment-wall li")).size() == 3);
        // Each tour runs on a fresh database, which numbers the commitments from 1.
        for (int j = 0; j < 3; j++) {
            JsonNode ack = org.tallersocial.testing.Conversation.send(phones.get(j).ws,
                    org.tallersocial.testing.Conversation.volunteer(stepId, j + 1L, true, "Persona " + (j + 1)));
            checks.assertThat(ack.path("type").asText()).as("%s: volunteer %s", name, ack).isEqualTo("ack");
        }
        InBrowser.click(phone, "#phone .commitment-list li:nth-child(1) button");
        phone.awaitText("#phone .status", words.get("js.commitments.taken"));
        projector.awaitText("#stage .commitment-wall", "Marisa");
        shootPhone(phone, name + "-phone-commitments");
        shootProjector(projector, name + "-projector-commitments");
        shootConsole(laptop, name + "-console-commitments");
    }

    /**
     * A quiz question: the phones choose nicknames on the first (one stays off the board), pick, the
     * question is closed, and the leaderboard is shown.
     */
    private void quiz(LiveRoom room, JsonNode step, List<Phone> phones, Chromium phone, Chromium projector,
                      Chromium laptop, String name, Words words) {
        long stepId = step.path("id").asLong();
        for (int j = 0; j < phones.size(); j++) {
            var pick = org.tallersocial.testing.Conversation.message("quizAnswer").put("step", stepId).put("option", j % 2);
            JsonNode ack = org.tallersocial.testing.Conversation.send(phones.get(j).ws, pick);
            checks.assertThat(ack.path("type").asText()).as("%s: pick %s", name, ack).isIn("ack", "error");
            var nickname = org.tallersocial.testing.Conversation.message("quizName").put("step", stepId);
            if (j == 0) {
                nickname.putNull("nickname");
            } else {
                nickname.put("nickname", "Persona " + (j + 1));
            }
            org.tallersocial.testing.Conversation.send(phones.get(j).ws, nickname);
        }
        if (!phone.findAll("#phone .quiz-name input").isEmpty()) {
            phone.find("#phone .quiz-name input").sendKeys("Marisa");
            phone.find("#phone .quiz-name button[type=submit]").click();
            phone.awaitText("#phone .quiz-name", "Marisa");
        }
        InBrowser.click(phone, "#phone .quiz-option:nth-child(1)");
        phone.awaitText("#phone .status", words.get("js.quiz.saved"));
        shootPhone(phone, name + "-phone-picked");
        room.poll(stepId, "close");
        phone.awaitVisible("#phone .quiz-outcome");
        projector.awaitVisible("#stage .quiz-tile.right");
        shootPhone(phone, name + "-phone-outcome");
        shootProjector(projector, name + "-projector-outcome");
        room.act("/steps/" + stepId + "/quiz", "board", "show");
        projector.awaitVisible("#stage .quiz-board");
        shootProjector(projector, name + "-projector-board");
        shootConsole(laptop, name + "-console-board");
    }

    /** The person with the Chromium phone answers the way their thumb would. */
    private void answerOnScreen(Chromium phone, JsonNode step) {
        switch (step.path("kind").asText()) {
            case "single" -> {
                phone.findAll("#phone .choice").get(1).click();
                InBrowser.pressSend(phone);
            }
            case "multiple" -> {
                List<WebElement> choices = phone.findAll("#phone .choice");
                choices.get(0).click();
                choices.get(choices.size() > 3 ? 3 : 1).click();
                InBrowser.pressSend(phone);
            }
            case "scale" -> {
                List<WebElement> values = phone.findAll("#phone .scale .choice");
                values.get(values.size() - 2).click();
            }
            case "wordcloud" -> {
                List<WebElement> boxes = phone.findAll("#phone input[type=text]");
                boxes.get(0).sendKeys("teamwork");
                if (boxes.size() > 1) {
                    boxes.get(1).sendKeys("coffee");
                }
                InBrowser.pressSend(phone);
            }
            case "text" -> {
                phone.find("#phone textarea").sendKeys(trim("People ask us things on Instagram and we only "
                        + "notice days later.", step.path("maxLength").asInt(280)));
                InBrowser.pressSend(phone);
            }
            case "guess" -> {
                phone.find("#phone input[type=number]").sendKeys("35");
                InBrowser.pressSend(phone);
            }
            case "ranking" -> {
                phone.findAll("#phone .rank-list li").get(0).findElements(By.tagName("button")).get(1).click();
                InBrowser.pressSend(phone);
            }
            default -> throw new IllegalStateException("unknown poll kind " + step.path("kind"));
        }
    }

    /** A varied room: phone j's answer, valid for the step. */
    private static Object answer(JsonNode step, int j) {
        int n = step.path("options").size();
        switch (step.path("kind").asText()) {
            case "single":
                return new int[] {0, 1, 1, 3, 3, 3, 2}[j] % n;
            case "multiple": {
                int max = step.path("maxPicks").asInt(n);
                List<Integer> picks = new ArrayList<>();
                for (int k : new int[] {j % n, (j * 3 + 1) % n, 0}) {
                    if (!picks.contains(k) && picks.size() < max) {
                        picks.add(k);
                    }
                }
                return picks;
            }
            case "scale": {
                int min = step.path("min").asInt();
                int max = step.path("max").asInt();
                return min + new int[] {1, 2, 2, 3, 1, 4, 0}[j] % (max - min + 1);
            }
            case "wordcloud": {
                int max = step.path("maxWords").asInt(3);
                List<String> words = new ArrayList<>();
                for (int k = 0; k < max && k < 2; k++) {
                    words.add(WORDS[(j + k * 5) % WORDS.length]);
                }
                return words;
            }
            case "text":
                return trim(TEXTS[j % TEXTS.length], step.path("maxLength").asInt(280));
            case "guess": {
                double min = step.path("min").asDouble();
                double max = step.path("max").asDouble();
                return Math.max(min, Math.min(max, GUESSES[j % GUESSES.length]));
            }
            case "ranking": {
                List<Integer> order = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    order.add((k + (j % 3)) % n);
                }
                return order;
            }
            default:
                throw new IllegalStateException("unknown poll kind " + step.path("kind"));
        }
    }

    /** The texts of one language, as the pages get them. */
    private record Words(java.util.Locale locale, Texts texts) {
        Words(java.util.Locale locale) {
            this(locale, new Texts());
        }

        String get(String key, Object... args) {
            return texts.get(locale, key, args);
        }
    }

    static String trim(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    // ---- screenshots with the checks a machine can make ----

    void shootPhone(Chromium phone, String name) {
        phone.screenshot(name);
        checks.assertThat(phone.scrollsSideways()).as("%s: the page scrolls sideways at 390 px", name).isFalse();
        phone.resize(Size.SMALL_PHONE);
        try {
            phone.fullPageScreenshot(name + "-360");
            checks.assertThat(phone.scrollsSideways()).as("%s: the page scrolls sideways at 360 px", name).isFalse();
        } finally {
            phone.resize(Size.PHONE);
        }
    }

    void shootConsole(Chromium laptop, String name) {
        laptop.screenshot(name);
        checks.assertThat(laptop.scrollsSideways()).as("%s: the console scrolls sideways", name).isFalse();
    }

    void shootProjector(Chromium projector, String name) {
        projector.await(Duration.ofSeconds(2), d -> Boolean.TRUE.equals(projector.script(
                "return document.fonts ? document.fonts.status === 'loaded' : true;")));
        projector.screenshot(name);
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) projector.script(PROJECTOR_FIT);
        checks.assertThat((List<?>) fit.get("cut")).as("%s: cut off or outside the screen", name).isEmpty();
        checks.assertThat((List<?>) fit.get("small")).as("%s: text too small for the back of the room", name)
                .isEmpty();
    }

    /**
     * Lists elements with text that reach past the stage or the screen (cut) or whose type is smaller than
     * the limits (small).
     */
    private static final String PROJECTOR_FIT = String.join("\n",
            "var cut = [], small = [];",
            "var vw = window.innerWidth, vh = window.innerHeight;",
            "var stage = document.getElementById('stage');",
            "var box = stage.getBoundingClientRect();",
            "if (stage.scrollHeight > stage.clientHeight + 1) { cut.push('stage content is ' + stage.scrollHeight"
                    + " + 'px tall in ' + stage.clientHeight + 'px'); }",
            "document.querySelectorAll('.screen-wrap *').forEach(function (e) {",
            "  if (!e.offsetParent && getComputedStyle(e).position !== 'fixed') { return; }",
            "  var own = Array.prototype.some.call(e.childNodes, function (n) {"
                    + " return n.nodeType === 3 && n.textContent.trim().length > 0; });",
            "  var r = e.getBoundingClientRect();",
            "  if (r.width === 0 || r.height === 0) { return; }",
            "  var label = e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' \"'"
                    + " + (e.textContent || '').trim().slice(0, 40) + '\"';",
            "  if (r.right > vw + 1 || r.bottom > vh + 1 || r.left < -1 || r.top < -1) { cut.push(label + ' at '"
                    + " + Math.round(r.left) + ',' + Math.round(r.top) + '-' + Math.round(r.right) + ','"
                    + " + Math.round(r.bottom)); return; }",
            "  if (own && (e.scrollWidth > e.clientWidth + 1) && getComputedStyle(e).overflow !== 'visible') {"
                    + " cut.push(label + ' is clipped'); }",
            "  if (!own) { return; }",
            "  var size = parseFloat(getComputedStyle(e).fontSize);",
            "  var inStage = stage.contains(e);",
            "  var min = (inStage ? " + MIN_STAGE_TEXT_PX + " : " + MIN_EDGE_TEXT_PX + ") * vh / 1080;",
            "  if (size < min - 0.5) { small.push(label + ' at ' + size.toFixed(1) + 'px'); }",
            "});",
            "return { cut: cut, small: small };");
}
