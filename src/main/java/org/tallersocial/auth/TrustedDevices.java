package org.tallersocial.auth;

import static org.tallersocial.db.generated.Tables.TRUSTED_DEVICE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.tallersocial.db.generated.tables.records.TrustedDeviceRecord;

/** The trusted_device table, keyed by the SHA-256 of the device cookie's token. */
final class TrustedDevices {

    private static final FailedLogins<TrustedDeviceRecord> FAILURES =
            new FailedLogins<>(TRUSTED_DEVICE, TRUSTED_DEVICE.FAILED_LOGINS, TRUSTED_DEVICE.LOCKED_UNTIL);

    private final DSLContext dsl;

    TrustedDevices(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String tokenHash, long facilitatorId, OffsetDateTime now, OffsetDateTime expiresAt) {
        dsl.insertInto(TRUSTED_DEVICE)
                .set(TRUSTED_DEVICE.TOKEN_HASH, tokenHash)
                .set(TRUSTED_DEVICE.FACILITATOR_ID, facilitatorId)
                .set(TRUSTED_DEVICE.CREATED_AT, now)
                .set(TRUSTED_DEVICE.EXPIRES_AT, expiresAt)
                .set(TRUSTED_DEVICE.FAILED_LOGINS, 0)
                .execute();
    }

    /** The browser of this cookie, if one was given it and it has not expired. */
    Optional<TrustedDevice> find(String tokenHash, OffsetDateTime now) {
        return dsl.selectFrom(TRUSTED_DEVICE)
                .where(TRUSTED_DEVICE.TOKEN_HASH.eq(tokenHash))
                .and(TRUSTED_DEVICE.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new TrustedDevice(r.getTokenHash(), r.getFacilitatorId(), r.getExpiresAt(),
                        r.getLockedUntil()));
    }

    Optional<OffsetDateTime> recordFailedLogin(String tokenHash, OffsetDateTime now, int maxFailures,
            Duration lockFor) {
        return FAILURES.record(dsl, TRUSTED_DEVICE.TOKEN_HASH.eq(tokenHash), now, maxFailures, lockFor);
    }

    void delete(String tokenHash) {
        dsl.deleteFrom(TRUSTED_DEVICE).where(TRUSTED_DEVICE.TOKEN_HASH.eq(tokenHash)).execute();
    }

    int deleteExpired(OffsetDateTime now) {
        return dsl.deleteFrom(TRUSTED_DEVICE).where(TRUSTED_DEVICE.EXPIRES_AT.le(now)).execute();
    }
}
