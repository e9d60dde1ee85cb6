package org.tallersocial.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Wrong passwords in a row, counted on one row of a table that has a count and a lock time:
 * an account (for browsers it does not know) or one trusted browser of it.
 */
final class FailedLogins<R extends Record> {

    private final Table<R> table;
    private final TableField<R, Integer> count;
    private final TableField<R, OffsetDateTime> lockedUntil;

    FailedLogins(Table<R> table, TableField<R, Integer> count, TableField<R, OffsetDateTime> lockedUntil) {
        this.table = table;
        this.count = count;
        this.lockedUntil = lockedUntil;
    }

    /**
     * Counts one more wrong password. The row is locked while counting so two
     * attempts at the same moment cannot both read the same count.
     *
     * @return when the row is now locked until, if this failure locked it
     */
    Optional<OffsetDateTime> record(DSLContext dsl, Condition row, OffsetDateTime now, int maxFailures,
            Duration lockFor) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Integer failures = tx.select(count).from(table).where(row).forUpdate().fetchOne(count);
            if (failures == null) {
                return Optional.<OffsetDateTime>empty();
            }
            int counted = failures + 1;
            if (counted < maxFailures) {
                tx.update(table).set(count, counted).where(row).execute();
                return Optional.<OffsetDateTime>empty();
            }
            // The count starts again once the lock is set, so that after it ends
            // the owner gets a full set of tries instead of one.
            OffsetDateTime until = now.plus(lockFor);
            tx.update(table).set(count, 0).set(lockedUntil, until).where(row).execute();
            return Optional.of(until);
        });
    }

    void clear(DSLContext dsl, Condition row) {
        dsl.update(table)
                .set(count, 0)
                .setNull(lockedUntil)
                .where(row)
                .and(count.ne(0).or(lockedUntil.isNotNull()))
                .execute();
    }
}
