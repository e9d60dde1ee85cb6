package org.tallersocial;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import org.tallersocial.auth.AuthModule;
import org.tallersocial.backup.AdminFile;
import org.tallersocial.backup.BackupRoute;
import org.tallersocial.content.ContentException;
import org.tallersocial.content.TemplateCatalog;
import org.tallersocial.db.Database;
import org.tallersocial.ideas.CommitmentExercise;
import org.tallersocial.ideas.IdeaController;
import org.tallersocial.ideas.IdeaExercise;
import org.tallersocial.db.StoredPrecisionClock;
import org.tallersocial.agenda.AgendaController;
import org.tallersocial.agenda.AgendaService;
import org.tallersocial.templates.TemplateController;
import org.tallersocial.templates.Templates;
import org.tallersocial.console.HeldNames;
import org.tallersocial.live.Features;
import org.tallersocial.wordfilter.WordFilter;
import org.tallersocial.wordfilter.WordFilterController;
import org.tallersocial.wordfilter.WordList;
import org.tallersocial.live.Replies;
import org.tallersocial.live.Writer;
import org.tallersocial.live.Hub;
import org.tallersocial.live.LiveRoutes;
import org.tallersocial.live.Rooms;
import org.tallersocial.poll.AnswerRepository;
import org.tallersocial.poll.Polls;
import org.tallersocial.poll.PollService;
import org.tallersocial.profiles.ProfileController;
import org.tallersocial.profiles.ProfileExercise;
import org.tallersocial.report.ReportBuilder;
import org.tallersocial.report.ReportController;
import org.tallersocial.report.ReportExports;
import org.tallersocial.report.ReviewLinks;
import org.tallersocial.raci.RaciController;
import org.tallersocial.raci.RaciExercise;
import org.tallersocial.questions.QuestionController;
import org.tallersocial.questions.Questions;
import org.tallersocial.quiz.QuizController;
import org.tallersocial.quiz.QuizExercise;
import org.tallersocial.reactions.ReactionController;
import org.tallersocial.reactions.Reactions;
import org.tallersocial.web.Csrf;
import org.tallersocial.web.HttpErrors;
import org.tallersocial.web.LanguageChoice;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Origins;
import org.tallersocial.web.Texts;
import org.tallersocial.web.Tokens;
import org.tallersocial.web.Pages;
import org.tallersocial.web.SecurityHeaders;
import org.tallersocial.web.StrictTransport;
import org.tallersocial.web.Views;
import org.tallersocial.console.ConsoleActions;
import org.tallersocial.catchup.CatchUp;
import org.tallersocial.catchup.CatchUpCard;
import org.tallersocial.catchup.CatchUpController;
import org.tallersocial.catchup.LatePeople;
import org.tallersocial.console.ConsoleController;
import org.tallersocial.console.RehearsalReset;
import org.tallersocial.workshop.ParticipantRepository;
import org.tallersocial.phone.PhoneController;
import org.tallersocial.projector.ProjectorController;
import org.tallersocial.workshop.StepRepository;
import org.tallersocial.workshop.WorkshopRepository;
import org.tallersocial.live.CodeLookup;
import org.tallersocial.console.WorkshopService;

/** Builds the whole kit from its parts with plain constructors; {@link #start()} opens the port. */
public final class App implements AutoCloseable {

    private final Config config;
    private final Database db;
    private final Hub hub;
    private final Rooms rooms;
    private final LiveRoutes live;
    private final Writer writer;
    private final AuthModule auth;
    private final Javalin javalin;
    private final String adminToken;
    private AdminFile adminFile;

    private App(Config config, Database db, Hub hub, Rooms rooms, LiveRoutes live, Writer writer, AuthModule auth,
                Javalin javalin, String adminToken) {
        this.live = live;
        this.adminToken = adminToken;
        this.config = config;
        this.db = db;
        this.hub = hub;
        this.rooms = rooms;
        this.writer = writer;
        this.auth = auth;
        this.javalin = javalin;
    }

    public static App create(Config config) throws ContentException {
        return create(config, Clock.systemUTC());
    }

    /** @param time the server's clock; tests move it to see what happens after a while */
    public static App create(Config config, Clock time) throws ContentException {
        TemplateCatalog templates = TemplateCatalog.load(config.contentDir());
        Clock clock = new StoredPrecisionClock(time);
        ObjectMapper json = new ObjectMapper();
        Database db = Database.open(config.dataDir());
        boolean secure = config.secure();
        Origins origins = new Origins(config.publicUrl());

        Texts texts = new Texts();
        Views views = new Views(texts);
        LanguageChoice language = new LanguageChoice(secure);
        Limits limits = new Limits(config.addressLimits(), clock);
        AuthModule auth = AuthModule.create(db.dsl(), clock, config.publicUrl(), secure, limits);
        WorkshopRepository workshopRepo = new WorkshopRepository(db.dsl());
        workshopRepo.giveJoinKeys();
        StepRepository stepRepo = new StepRepository(db.dsl(), json);
        ParticipantRepository participantRepo = new ParticipantRepository(db.dsl(), texts);
        AnswerRepository answerRepo = new AnswerRepository(db.dsl(), json);
        VoteNowWarmUp.startOnce(templates, json, texts);
        WordFilter wordFilter = new WordFilter(db.dsl(), WordList.shipped());
        Polls pollAnswers = new Polls(answerRepo, clock, wordFilter);
        ProfileExercise profiles = new ProfileExercise(db.dsl(), clock);
        RaciExercise raci = new RaciExercise(db.dsl(), clock);
        Questions questions = new Questions(db.dsl(), clock, wordFilter);
        IdeaExercise ideas = new IdeaExercise(db.dsl(), clock, wordFilter);
        CommitmentExercise commitments = new CommitmentExercise(db.dsl(), ideas, clock);
        Reactions reactions = new Reactions(db.dsl(), clock);
        PollService polls = new PollService(stepRepo, answerRepo, pollAnswers, clock);
        QuizExercise quiz = new QuizExercise(db.dsl(), polls, wordFilter, clock);
        Features features = new Features(java.util.List.of(pollAnswers, profiles, raci, ideas, commitments, questions,
                reactions, quiz, wordFilter));
        Hub hub = new Hub(json, clock, features);
        Rooms rooms = new Rooms(workshopRepo, stepRepo, participantRepo, hub);
        Replies replies = new Replies(texts);
        Writer writer = new Writer(db.dsl(), config.dataDir(), replies, config.durableCommits());
        WorkshopService workshops = new WorkshopService(db.dsl(), workshopRepo, stepRepo, participantRepo, rooms, clock,
                wordFilter);
        new HeldNames(participantRepo, wordFilter);

        Pages pages = new Pages(db);
        Csrf csrf = new Csrf(secure, origins);
        CodeLookup codes = new CodeLookup(rooms, participantRepo, limits, clock);
        PhoneController phone = new PhoneController(codes, workshops, texts, secure, limits);
        ProjectorController screen = new ProjectorController(codes, views, config.publicUrl());
        Templates ownAndShipped = new Templates(templates, db.dsl(), texts, clock);
        CatchUp catchUp = new CatchUp(workshopRepo, clock);
        LatePeople latePeople = new LatePeople(db.dsl());
        CatchUpCard catchUpCard = new CatchUpCard(catchUp, latePeople, config.publicUrl());
        ConsoleController console = new ConsoleController(workshops, ownAndShipped,
                new RehearsalReset(db.dsl(), workshopRepo, rooms), reactions, catchUpCard, texts, config.publicUrl());
        ConsoleActions actions = new ConsoleActions(console, workshops, polls, texts, clock);
        ProfileController profileConsole = new ProfileController(profiles, console, actions, workshops, texts);
        ReportController reports = new ReportController(
                new ReportBuilder(pollAnswers, profiles, raci, questions, ideas, commitments, reactions, latePeople, texts,
                        clock),
                new ReportExports(texts, json), new ReviewLinks(db.dsl(), clock), console, rooms, texts,
                config.publicUrl());
        RaciController raciConsole = new RaciController(raci, console, actions, workshops, texts, clock);
        QuestionController questionConsole = new QuestionController(questions, actions);
        ReactionController reactionConsole = new ReactionController(reactions, actions);
        QuizController quizConsole = new QuizController(quiz, actions);
        CatchUpController catchUpRoutes = new CatchUpController(catchUp, catchUpCard, console, actions, workshops, phone,
                rooms, limits, views);
        WordFilterController wordFilterConsole = new WordFilterController(wordFilter, actions);
        IdeaController ideaConsole = new IdeaController(ideas, commitments, questions, console, actions, texts);
        AgendaController agenda = new AgendaController(new AgendaService(db.dsl(), stepRepo, workshopRepo, features),
                console, workshops, ownAndShipped, hub, screen, texts, json);
        TemplateController templateRoutes = new TemplateController(ownAndShipped, texts);
        String adminToken = Tokens.newToken();
        BackupRoute backup = new BackupRoute(db, config.dataDir(), adminToken);
        LiveRoutes live = new LiveRoutes(hub, rooms, codes, participantRepo, auth, writer, replies, json, features, origins, limits,
                clock);

        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.fileRenderer(views);
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.jetty.modifyWebSocketServletFactory(ws -> {
                ws.setMaxTextMessageSize(64 * 1024);
                ws.setIdleTimeout(Duration.ofMinutes(2));
            });
            cfg.jetty.port = config.port();
            // Null, the default, is every interface.
            cfg.jetty.host = config.bind();
            if (secure) {
                cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new StrictTransport()));
            }
            // Javalin opens a servlet session on every WebSocket upgrade to hand attributes over. We keep
            // nothing in it, so it must not leave a JSESSIONID cookie (neither Secure nor HttpOnly) behind.
            cfg.jetty.modifyServletContextHandler(handler -> {
                handler.getSessionHandler().setUsingCookies(false);
                handler.getSessionHandler().setMaxInactiveInterval(60);
            });
            // Under a public URL with a path, the kit answers under it, so a proxy passes requests on unchanged.
            cfg.router.contextPath = config.basePath().isEmpty() ? "/" : config.basePath();

            var r = cfg.routes;
            r.before(SecurityHeaders::apply);
            r.before(language::resolve);
            r.before(csrf::handle);
            r.after(Views::sayCharset);
            auth.register(r);
            new HttpErrors(texts).register(r);
            r.post("/language", language::choose);

            r.get("/", pages::home);
            r.get("/health", pages::health);

            r.get("/j", phone::typedCode);
            r.get("/j/{code}", phone::show);
            r.post("/j/{code}", phone::join);

            r.get("/w/{code}/screen", screen::show);
            r.get("/w/{code}/qr.svg", screen::qr);

            r.get("/facilitate", console::list);
            r.post("/facilitate/workshops", console::create);
            r.get("/facilitate/{id}", console::console);
            r.post("/facilitate/{id}/settings", actions.settings());
            r.post("/facilitate/{id}/live", actions.goLive());
            r.post("/facilitate/{id}/close", actions.close());
            r.post("/facilitate/{id}/joining", actions.joining());
            r.post("/facilitate/{id}/step", actions.goTo());
            r.post("/facilitate/{id}/timer", actions.timer());
            r.post("/facilitate/{id}/steps/{stepId}/poll", actions.poll());
            r.post("/facilitate/{id}/steps/{stepId}/answers/{answerId}", actions.answerVisibility());

            r.post("/facilitate/{id}/duplicate", console::duplicate);
            r.get("/facilitate/{id}/reset", console::resetPage);
            r.post("/facilitate/{id}/reset", console::reset);
            r.post("/facilitate/{id}/delete", console::delete);
            r.post(BackupRoute.PATH, backup::handle);
            agenda.register(r);
            templateRoutes.register(r);
            profileConsole.register(r);
            reports.register(r);
            raciConsole.register(r);
            questionConsole.register(r);
            reactionConsole.register(r);
            quizConsole.register(r);
            catchUpRoutes.register(r);
            wordFilterConsole.register(r);
            ideaConsole.register(r);
            live.register(r);
        });
        return new App(config, db, hub, rooms, live, writer, auth, javalin, adminToken);
    }

    public App start() {
        javalin.start(config.port());
        adminFile = new AdminFile(config.localHost(), javalin.port(), config.basePath(), adminToken);
        adminFile.writeTo(config.dataDir());
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** The route table as "METHOD path", read back from the router, so tests can walk every route. */
    public java.util.List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    public Config config() {
        return config;
    }

    /** The live rooms, for tests that reach a room's connections or memory as the server holds them. */
    public Rooms rooms() {
        return rooms;
    }

    public AuthModule auth() {
        return auth;
    }

    /** The one writer of phones' messages, for tests that check what it did (e.g. forced the file to disk). */
    public Writer writer() {
        return writer;
    }

    /** Stops taking requests, writes the answers still queued, then closes the database. */
    @Override
    public void close() {
        if (adminFile != null) {
            adminFile.removeFrom(config.dataDir());
        }
        hub.closeSockets();
        live.close();
        javalin.stop();
        writer.close();
        hub.close();
        db.close();
    }
}
