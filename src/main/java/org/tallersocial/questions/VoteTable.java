package org.tallersocial.questions;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Where a list's votes are stored (questions', ideas'): a row per person and item, up or taken back,
 * with its seq. A batch of votes is written as two JDBC batches, each statement rendered once: the
 * votes of people who had voted on that item before are updated, the others inserted (the board in
 * memory mirrors every row, so it knows which is which).
 */
public final class VoteTable {

    private final Table<?> table;
    private final Field<Long> item;
    private final Field<Long> participant;
    private final Field<Boolean> up;
    private final Field<Long> seq;

    public VoteTable(Table<?> table, Field<Long> item, Field<Long> participant, Field<Boolean> up, Field<Long> seq) {
        this.table = table;
        this.item = item;
        this.participant = participant;
        this.up = up;
        this.seq = seq;
    }

    /** @param existing which of {@code votes} replace a row of the same person and item */
    public void write(DSLContext tx, List<Votes.Vote> votes, List<Boolean> existing) {
        var insert = tx.batch(tx.insertInto(table, item, participant, up, seq).values((Long) null, null, null, null));
        var update = tx.batch(tx.update(table).set(up, (Boolean) null).set(seq, (Long) null)
                .where(item.eq((Long) null)).and(participant.eq((Long) null)));
        int inserts = 0, updates = 0;
        for (int i = 0; i < votes.size(); i++) {
            Votes.Vote v = votes.get(i);
            if (existing.get(i)) {
                update = update.bind(v.up(), v.seq(), v.item(), v.participantId());
                updates++;
            } else {
                insert = insert.bind(v.item(), v.participantId(), v.up(), v.seq());
                inserts++;
            }
        }
        if (inserts > 0) {
            insert.execute();
        }
        if (updates > 0) {
            update.execute();
        }
    }
}
