package org.tallersocial.auth;

import static org.tallersocial.db.generated.Tables.FACILITATOR;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.db.generated.tables.records.FacilitatorRecord;

/** The facilitator table. Emails arrive here already in lower case. */
final class FacilitatorRepository {

    private static final FailedLogins<FacilitatorRecord> FAILURES =
            new FailedLogins<>(FACILITATOR, FACILITATOR.FAILED_LOGINS, FACILITATOR.LOCKED_UNTIL);

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

    Facilitator insert(String name, String email, String passwordHash, TeamRole role, OffsetDateTime now) {
        long id = dsl.insertInto(FACILITATOR)
                .set(FACILITATOR.NAME, name)
                .set(FACILITATOR.EMAIL, email)
                .set(FACILITATOR.PASSWORD_HASH, passwordHash)
                .set(FACILITATOR.TEAM_ROLE, role.key())
                .set(FACILITATOR.FAILED_LOGINS, 0)
                .set(FACILITATOR.CREATED_AT, now)
                .returningResult(FACILITATOR.ID)
                .fetchSingle()
                .value1();
        return new Facilitator(id, name, email);
    }

    /** Wrong passwords typed for this account in browsers it has not logged in from. */
    Optional<OffsetDateTime> recordFailedLogin(long id, OffsetDateTime now, int maxFailures, Duration lockFor) {
        return FAILURES.record(dsl, FACILITATOR.ID.eq(id), now, maxFailures, lockFor);
    }

    void clearFailedLogins(long id) {
        FAILURES.clear(dsl, FACILITATOR.ID.eq(id));
    }

    List<TeamMember> all() {
        return dsl.select(FACILITATOR.ID, FACILITATOR.NAME, FACILITATOR.EMAIL, FACILITATOR.CREATED_AT,
                        FACILITATOR.TEAM_ROLE)
                .from(FACILITATOR)
                .orderBy(FACILITATOR.CREATED_AT, FACILITATOR.ID)
                .fetch(r -> new TeamMember(r.value1(), r.value2(), r.value3(), r.value4(), TeamRole.of(r.value5())));
    }

    /** Member if the account is gone: a session outliving its account is worth no rights. */
    TeamRole role(long id) {
        return dsl.select(FACILITATOR.TEAM_ROLE).from(FACILITATOR).where(FACILITATOR.ID.eq(id))
                .fetchOptional(FACILITATOR.TEAM_ROLE).map(TeamRole::of).orElse(TeamRole.MEMBER);
    }

    /** Gives or takes back the right to invite; never to or from the administrator. */
    boolean setRole(long id, TeamRole role) {
        return dsl.update(FACILITATOR)
                .set(FACILITATOR.TEAM_ROLE, role.key())
                .where(FACILITATOR.ID.eq(id))
                .and(FACILITATOR.TEAM_ROLE.ne(TeamRole.ADMINISTRATOR.key()))
                .execute() == 1;
    }
}
