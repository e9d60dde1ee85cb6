package org.tallersocial.auth;

import static org.tallersocial.db.generated.Tables.FACILITATOR;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The facilitator table. Emails arrive here already in lower case. */
final class FacilitatorRepository {

    private final DSLContext dsl;

    FacilitatorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean any() {
        return dsl.fetchExists(FACILITATOR);
    }

    boolean emailTaken(String email) {
        return dsl.fetchExists(FACILITATOR, FACILITATOR.EMAIL.eq(email));
    }

    Optional<StoredFacilitator> findByEmail(String email) {
        return dsl.selectFrom(FACILITATOR)
                .where(FACILITATOR.EMAIL.eq(email))
                .fetchOptional(r -> new StoredFacilitator(
                        new Facilitator(r.getId(), r.getName(), r.getEmail()),
                        r.getPasswordHash(), r.getFailedLogins(), r.getLockedUntil()));
    }

    Facilitator insert(String name, String email, String passwordHash, OffsetDateTime now) {
        long id = dsl.insertInto(FACILITATOR)
                .set(FACILITATOR.NAME, name)
                .set(FACILITATOR.EMAIL, email)
                .set(FACILITATOR.PASSWORD_HASH, passwordHash)
                .set(FACILITATOR.FAILED_LOGINS, 0)
                .set(FACILITATOR.CREATED_AT, now)
                .returningResult(FACILITATOR.ID)
                .fetchSingle()
                .value1();
        return new Facilitator(id, name, email);
    }

    /**
     * Counts one more wrong password. The row is locked while counting so two
     * attempts at the same moment cannot both read the same count.
     *
     * @return when the account is now locked until, if this failure locked it
     */
    Optional<OffsetDateTime> recordFailedLogin(long id, OffsetDateTime now, int maxFailures, Duration lockFor) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Integer failures = tx.select(FACILITATOR.FAILED_LOGINS)
                    .from(FACILITATOR)
                    .where(FACILITATOR.ID.eq(id))
                    .forUpdate()
                    .fetchOne(FACILITATOR.FAILED_LOGINS);
            if (failures == null) {
                return Optional.<OffsetDateTime>empty();
            }
            int count = failures + 1;
            if (count < maxFailures) {
                tx.update(FACILITATOR).set(FACILITATOR.FAILED_LOGINS, count).where(FACILITATOR.ID.eq(id)).execute();
                return Optional.<OffsetDateTime>empty();
            }
            // The count starts again once the lock is set, so that after it ends
            // the owner gets a full set of tries instead of one.
            OffsetDateTime until = now.plus(lockFor);
            tx.update(FACILITATOR)
                    .set(FACILITATOR.FAILED_LOGINS, 0)
                    .set(FACILITATOR.LOCKED_UNTIL, until)
                    .where(FACILITATOR.ID.eq(id))
                    .execute();
            return Optional.of(until);
        });
    }

    void clearFailedLogins(long id) {
        dsl.update(FACILITATOR)
                .set(FACILITATOR.FAILED_LOGINS, 0)
                .setNull(FACILITATOR.LOCKED_UNTIL)
                .where(FACILITATOR.ID.eq(id))
                .and(FACILITATOR.FAILED_LOGINS.ne(0).or(FACILITATOR.LOCKED_UNTIL.isNotNull()))
                .execute();
    }

    List<TeamMember> all() {
        return dsl.select(FACILITATOR.ID, FACILITATOR.NAME, FACILITATOR.EMAIL, FACILITATOR.CREATED_AT)
                .from(FACILITATOR)
                .orderBy(FACILITATOR.CREATED_AT, FACILITATOR.ID)
                .fetch(r -> new TeamMember(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
