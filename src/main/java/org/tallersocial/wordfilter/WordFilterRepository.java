package org.tallersocial.wordfilter;

import static org.tallersocial.db.generated.Tables.WORD_FILTER;
import static org.tallersocial.db.generated.Tables.WORD_FILTER_WORD;

import java.util.List;
import org.jooq.DSLContext;

final class WordFilterRepository {

    static final String ADDED = "added";
    static final String REMOVED = "removed";

    private final DSLContext dsl;

    WordFilterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** On unless the facilitator turned it off: a workshop without a row has never been changed. */
    boolean enabled(long workshopId) {
        Boolean on = dsl.select(WORD_FILTER.ENABLED).from(WORD_FILTER).where(WORD_FILTER.WORKSHOP_ID.eq(workshopId))
                .fetchOne(WORD_FILTER.ENABLED);
        return on == null || on;
    }

    List<String> words(long workshopId, String listed) {
        return dsl.select(WORD_FILTER_WORD.WORD).from(WORD_FILTER_WORD)
                .where(WORD_FILTER_WORD.WORKSHOP_ID.eq(workshopId)).and(WORD_FILTER_WORD.LISTED.eq(listed))
                .orderBy(WORD_FILTER_WORD.WORD).fetch(WORD_FILTER_WORD.WORD);
    }

    void enable(long workshopId, boolean on) {
        dsl.mergeInto(WORD_FILTER).using(dsl.selectOne()).on(WORD_FILTER.WORKSHOP_ID.eq(workshopId))
                .whenMatchedThenUpdate().set(WORD_FILTER.ENABLED, on)
                .whenNotMatchedThenInsert(WORD_FILTER.WORKSHOP_ID, WORD_FILTER.ENABLED).values(workshopId, on)
                .execute();
    }

    void list(long workshopId, String word, String listed) {
        dsl.insertInto(WORD_FILTER_WORD, WORD_FILTER_WORD.WORKSHOP_ID, WORD_FILTER_WORD.WORD, WORD_FILTER_WORD.LISTED)
                .values(workshopId, word, listed).execute();
    }

    void unlist(long workshopId, String word) {
        dsl.deleteFrom(WORD_FILTER_WORD).where(WORD_FILTER_WORD.WORKSHOP_ID.eq(workshopId))
                .and(WORD_FILTER_WORD.WORD.eq(word)).execute();
    }
}
