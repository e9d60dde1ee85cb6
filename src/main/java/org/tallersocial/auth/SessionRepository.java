package org.tallersocial.auth;

import static org.tallersocial.db.generated.Tables.FACILITATOR;
import static org.tallersocial.db.generated.Tables.LOGIN_SESSION;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** The login_session table, keyed by the SHA-256 of the cookie's token. */
final class SessionRepository {

    private final DSLContext dsl;

    SessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String tokenHash, long facilitatorId, OffsetDateTime now, OffsetDateTime expiresAt) {
        dsl.insertInto(LOGIN_SESSION)
                .set(LOGIN_SESSION.TOKEN_HASH, tokenHash)
                .set(LOGIN_SESSION.FACILITATOR_ID, facilitatorId)
                .set(LOGIN_SESSION.CREATED_AT, now)
                .set(LOGIN_SESSION.LAST_SEEN_AT, now)
                .set(LOGIN_SESSION.EXPIRES_AT, expiresAt)
                .execute();
    }

    Optional<LoginSession> find(String tokenHash) {
        return dsl.select(LOGIN_SESSION.TOKEN_HASH, LOGIN_SESSION.CREATED_AT, LOGIN_SESSION.LAST_SEEN_AT,
                        LOGIN_SESSION.EXPIRES_AT, FACILITATOR.ID, FACILITATOR.NAME, FACILITATOR.EMAIL)
                .from(LOGIN_SESSION)
                .join(FACILITATOR).on(FACILITATOR.ID.eq(LOGIN_SESSION.FACILITATOR_ID))
                .where(LOGIN_SESSION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new LoginSession(
                        r.get(LOGIN_SESSION.TOKEN_HASH),
                        new Facilitator(r.get(FACILITATOR.ID), r.get(FACILITATOR.NAME), r.get(FACILITATOR.EMAIL)),
                        r.get(LOGIN_SESSION.CREATED_AT),
                        r.get(LOGIN_SESSION.LAST_SEEN_AT),
                        r.get(LOGIN_SESSION.EXPIRES_AT)));
    }

    void touch(String tokenHash, OffsetDateTime now) {
        dsl.update(LOGIN_SESSION)
                .set(LOGIN_SESSION.LAST_SEEN_AT, now)
                .where(LOGIN_SESSION.TOKEN_HASH.eq(tokenHash))
                .execute();
    }

    void delete(String tokenHash) {
        dsl.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    /** Removes sessions past their absolute expiry or idle since before {@code idleSince}. */
    int deleteStale(OffsetDateTime now, OffsetDateTime idleSince) {
        return dsl.deleteFrom(LOGIN_SESSION)
                .where(LOGIN_SESSION.EXPIRES_AT.le(now))
                .or(LOGIN_SESSION.LAST_SEEN_AT.le(idleSince))
                .execute();
    }
}
