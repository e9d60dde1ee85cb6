package org.tallersocial.reactions;

import static org.tallersocial.db.generated.Tables.REACTION_COUNT;
import static org.tallersocial.db.generated.Tables.REACTION_SETTING;
import static org.tallersocial.db.generated.Tables.STEP;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

final class ReactionRepository {

    private final DSLContext dsl;

    ReactionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds a batch's reactions to their steps' counts, in the writer's transaction: one statement per step and reaction. */
    void add(DSLContext tx, Map<Long, Map<Reaction, Integer>> added) {
        added.forEach((step, counts) -> counts.forEach((reaction, n) ->
                tx.insertInto(REACTION_COUNT, REACTION_COUNT.STEP_ID, REACTION_COUNT.REACTION, REACTION_COUNT.REACTIONS)
                        .values(step, reaction.key(), n)
                        .onDuplicateKeyUpdate().set(REACTION_COUNT.REACTIONS, REACTION_COUNT.REACTIONS.plus(n))
                        .execute()));
    }

    Map<Long, EnumMap<Reaction, Integer>> counts(long workshopId) {
        Map<Long, EnumMap<Reaction, Integer>> out = new LinkedHashMap<>();
        dsl.select(REACTION_COUNT.STEP_ID, REACTION_COUNT.REACTION, REACTION_COUNT.REACTIONS).from(REACTION_COUNT)
                .join(STEP).on(STEP.ID.eq(REACTION_COUNT.STEP_ID)).where(STEP.WORKSHOP_ID.eq(workshopId))
                .orderBy(STEP.POSITION, REACTION_COUNT.REACTION)
                .forEach(r -> Reaction.of(r.value2()).ifPresent(reaction ->
                        out.computeIfAbsent(r.value1(), s -> new EnumMap<>(Reaction.class)).put(reaction, r.value3())));
        return out;
    }

    Offered offered(long workshopId) {
        return dsl.select(REACTION_SETTING.OFFERED).from(REACTION_SETTING)
                .where(REACTION_SETTING.WORKSHOP_ID.eq(workshopId))
                .fetchOptional(r -> Offered.parse(r.value1())).orElse(Offered.DEFAULT);
    }

    void offer(long workshopId, Offered offered) {
        dsl.insertInto(REACTION_SETTING, REACTION_SETTING.WORKSHOP_ID, REACTION_SETTING.OFFERED)
                .values(workshopId, offered.stored())
                .onDuplicateKeyUpdate().set(REACTION_SETTING.OFFERED, offered.stored()).execute();
    }
}
