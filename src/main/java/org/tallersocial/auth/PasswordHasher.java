package org.tallersocial.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/**
 * bcrypt at cost 12. Passwords may be longer than bcrypt's 72 bytes (we
 * allow 200 characters), so longer ones are first reduced with SHA-512
 * instead of being refused (the library's default) or silently truncated;
 * passwords up to 72 bytes hash exactly as with {@code BCrypt.withDefaults()}.
 */
final class PasswordHasher {

    static final int COST = 12;
    /**
     * The test suite hashes hundreds of passwords, each a third of a second of a core at cost 12;
     * it sets this system property to bcrypt's lowest cost, as Django's test settings swap in a fast
     * hasher. A server started by scripts/start never has it, and a stored hash of any cost still
     * verifies (bcrypt keeps the cost in the hash).
     */
    static final String TEST_COST_PROPERTY = "tallersocial.test.bcryptCost";
    private static final int COST_IN_USE = Integer.getInteger(TEST_COST_PROPERTY, COST);

    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2A, LONG_PASSWORDS);
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG_PASSWORDS);

    String hash(String password) {
        return HASHER.hashToString(COST_IN_USE, password.toCharArray());
    }

    boolean verify(String password, String storedHash) {
        return VERIFYER.verify(password.toCharArray(), storedHash).verified;
    }

    /**
     * Spends the same time as a real check, so that an unknown email or a
     * locked account answers no faster than a known one.
     */
    void verifyAgainstDummy(String password) {
        VERIFYER.verify(password.toCharArray(), Dummy.HASH);
    }

    /** Computed on first need, once per JVM, at the same cost as real hashes. */
    private static final class Dummy {
        static final String HASH = HASHER.hashToString(COST_IN_USE, "not-a-password-anyone-has".toCharArray());
    }
}
