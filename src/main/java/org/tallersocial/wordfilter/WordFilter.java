package org.tallersocial.wordfilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.tallersocial.content.StepKind;
import org.tallersocial.live.Change;
import org.tallersocial.live.Feature;
import org.tallersocial.live.Message;
import org.tallersocial.live.Refusals;
import org.tallersocial.live.Room;
import org.tallersocial.live.Sent;
import org.tallersocial.live.Viewer;
import org.tallersocial.web.TypedText;
import org.tallersocial.workshop.Step;
import org.tallersocial.workshop.WorkshopRefusal;

/**
 * The one checker of what people type against the offensive-word list, for every place that shows it
 * (word clouds, open text, questions), and the facilitator's side of it: the filter on or off, words
 * added and shipped ones removed for a workshop, and the console's list of what waits. Phones send it
 * nothing; the places that take what they type ask {@link #catches} when they decide, so a change of
 * the list judges what comes next and never what was already let through.
 */
public final class WordFilter implements Feature<Void> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final int MAX_WORD = 40;
    public static final int MAX_WORDS = 100;
    /** Letters and digits, with the spaces, apostrophes, hyphens and dots words and phrases are written with. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}' .\\-’]+");

    private final WordFilterRepository repo;
    private final WordList shipped;
    private final List<Waiting> places = new CopyOnWriteArrayList<>();

    public WordFilter(DSLContext dsl, WordList shipped) {
        this.repo = new WordFilterRepository(dsl);
        this.shipped = shipped;
    }

    /** A place whose items wait here; each registers itself once, when it is built. */
    public void holdsFor(Waiting place) {
        places.add(place);
    }

    /** Whether this text waits for the facilitator in this room: the filter is on and it names a listed word. */
    public boolean catches(Room room, String text) {
        FilterSettings s = settings(room);
        return s.on() && s.list().match(text) != null;
    }

    /** Something waiting came or went: the console's list is sent again. */
    public void waitingChanged(Room room) {
        room.changed(this);
    }

    public FilterSettings settings(Room room) {
        return held(room).get();
    }

    /** The room's settings, replaced whole when the facilitator changes them. */
    private AtomicReference<FilterSettings> held(Room room) {
        return room.part(this, r -> new AtomicReference<>(load(r.workshop().id())));
    }

    private FilterSettings load(long workshopId) {
        List<String> added = repo.words(workshopId, WordFilterRepository.ADDED);
        List<String> removed = repo.words(workshopId, WordFilterRepository.REMOVED);
        return new FilterSettings(repo.enabled(workshopId), added, removed, shipped.adapted(added, removed));
    }

    public void turn(Room room, boolean on) {
        room.change(() -> {
            repo.enable(room.workshop().id(), on);
            reload(room);
        });
    }

    /**
     * A word for this workshop's list: one of its own, or a shipped word it had taken off coming back.
     */
    public void add(Room room, String typed) {
        String word = valid(typed);
        room.change(() -> {
            FilterSettings s = settings(room);
            long id = room.workshop().id();
            Optional<String> taken = same(s.removed(), word);
            if (taken.isPresent()) {
                repo.unlist(id, taken.get());
            } else if (s.list().contains(word)) {
                throw new WorkshopRefusal("word_filter.already_listed", word);
            } else if (s.added().size() >= MAX_WORDS) {
                throw new WorkshopRefusal("word_filter.too_many", MAX_WORDS);
            } else {
                repo.list(id, word, WordFilterRepository.ADDED);
            }
            reload(room);
        });
    }

    /** A word off this workshop's list: one it added goes, a shipped one is kept off for this workshop. */
    public void remove(Room room, String typed) {
        String word = valid(typed);
        room.change(() -> {
            FilterSettings s = settings(room);
            long id = room.workshop().id();
            Optional<String> own = same(s.added(), word);
            if (own.isPresent()) {
                repo.unlist(id, own.get());
            } else if (!s.list().contains(word)) {
                throw new WorkshopRefusal("word_filter.not_listed", word);
            } else if (s.removed().size() >= MAX_WORDS) {
                throw new WorkshopRefusal("word_filter.too_many", MAX_WORDS);
            } else {
                repo.list(id, word, WordFilterRepository.REMOVED);
            }
            reload(room);
        });
    }

    /** The facilitator lets a waiting item through, or keeps it hidden. */
    public void decide(Room room, String kind, long id, String action) {
        boolean approve = switch (action == null ? "" : action) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw new WorkshopRefusal("unknown_action");
        };
        Waiting place = places.stream().filter(p -> p.itemKind().equals(kind)).findFirst()
                .orElseThrow(() -> new WorkshopRefusal("unknown_id"));
        place.decide(room, id, approve);
    }

    private static Optional<String> same(List<String> words, String word) {
        String folded = WordList.fold(word);
        return words.stream().filter(w -> WordList.fold(w).equals(folded)).findFirst();
    }

    private static String valid(String typed) {
        String word = TypedText.line(typed == null ? "" : typed);
        if (word.isEmpty()) {
            throw new WorkshopRefusal("word_filter.empty");
        }
        if (TypedText.tooLong(word, MAX_WORD)) {
            throw new WorkshopRefusal("word_filter.too_long", MAX_WORD);
        }
        if (!WORD.matcher(word).matches() || WordList.fold(word).isEmpty()) {
            throw new WorkshopRefusal("word_filter.bad_characters");
        }
        return word;
    }

    /** Inside {@link Room#change}: the settings as now stored replace the room's copy. */
    private void reload(Room room) {
        held(room).set(load(room.workshop().id()));
        room.changed(this);
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of();
    }

    @Override
    public Set<StepKind> stepKinds() {
        return Set.of();
    }

    @Override
    public Refusals refusals() {
        return null;
    }

    @Override
    public Void read(Room room, Step step, long participantId, Message message) {
        throw new UnsupportedOperationException("phones send the word filter nothing");
    }

    @Override
    public String slot(Sent<Void> sent) {
        throw new UnsupportedOperationException("phones send the word filter nothing");
    }

    @Override
    public ObjectNode stored(Sent<Void> sent) {
        throw new UnsupportedOperationException("phones send the word filter nothing");
    }

    @Override
    public Change decide(Sent<Void> sent) {
        throw new UnsupportedOperationException("phones send the word filter nothing");
    }

    /** Only the console hears of the filter: what waits is nobody else's to see. */
    @Override
    public void addToState(ObjectNode state, Room room, Viewer viewer, long participantId) {
        if (viewer == Viewer.CONSOLE) {
            state.set("wordFilter", shared(room));
        }
    }

    @Override
    public ObjectNode update(Room room, Viewer viewer) {
        if (viewer != Viewer.CONSOLE) {
            return null;
        }
        ObjectNode msg = JSON.objectNode().put("type", "wordFilter");
        msg.set("wordFilter", shared(room));
        return msg;
    }

    private JsonNode shared(Room room) {
        return room.shared(this, Viewer.CONSOLE, () -> picture(room));
    }

    private ObjectNode picture(Room room) {
        FilterSettings s = settings(room);
        ObjectNode out = JSON.objectNode().put("on", s.on());
        ArrayNode added = out.putArray("added");
        s.added().forEach(added::add);
        ArrayNode removed = out.putArray("removed");
        s.removed().forEach(removed::add);
        List<ObjectNode> items = new ArrayList<>();
        places.forEach(p -> items.addAll(p.waiting(room)));
        ArrayNode waiting = out.putArray("waiting");
        items.forEach(waiting::add);
        return out;
    }
}
