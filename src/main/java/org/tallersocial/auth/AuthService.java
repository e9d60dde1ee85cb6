package org.tallersocial.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.tallersocial.web.Limits;
import org.tallersocial.web.Tokens;
import org.tallersocial.web.TypedText;

/** The use cases of facilitator accounts: first setup, login, sessions, invitations. */
final class AuthService {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final Duration SESSION_IDLE_TIMEOUT = Duration.ofHours(12);
    static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    /** A browser logged in from is trusted this long after its last login there. */
    static final Duration DEVICE_LIFETIME = Duration.ofDays(90);
    /** Writing last_seen_at on every request would turn every page view into a write. */
    static final Duration SESSION_TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final int NOTE_MAX = 200;

    /** Longer than any token we issue; anything longer is not worth hashing. */
    private static final int TOKEN_MAX = 64;
    private static final int HASH_LENGTH = Tokens.sha256("").length();
    private static final Problem EMAIL_TAKEN = Problem.of("email_taken");

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final FacilitatorRepository facilitators;
    private final SessionRepository sessions;
    private final InvitationRepository invitations;
    private final TrustedDevices devices;
    private final Limits limits;
    private final DecoyLockouts decoys = new DecoyLockouts(MAX_FAILED_LOGINS, LOCK_DURATION);

    // The setup token lives only in memory: it is printed at start-up, and a
    // restart before the first account exists simply prints a new one.
    private final Object setupLock = new Object();
    private String setupToken;

    AuthService(DSLContext dsl, PasswordHasher hasher, Clock clock, Limits limits) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.clock = clock;
        this.limits = limits;
        this.devices = new TrustedDevices(dsl);
        this.facilitators = new FacilitatorRepository(dsl);
        this.sessions = new SessionRepository(dsl);
        this.invitations = new InvitationRepository(dsl);
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- first account ----

    Optional<String> setupTokenIfNeeded() {
        synchronized (setupLock) {
            if (facilitators.any()) {
                setupToken = null;
                return Optional.empty();
            }
            if (setupToken == null) {
                setupToken = Tokens.newToken();
            }
            return Optional.of(setupToken);
        }
    }

    LinkState setupState(String token) {
        synchronized (setupLock) {
            return setupStateLocked(token);
        }
    }

    private LinkState setupStateLocked(String token) {
        if (facilitators.any()) {
            setupToken = null;
            return LinkState.SETUP_DONE;
        }
        return Tokens.sameSecret(setupToken, token) ? LinkState.VALID : LinkState.UNKNOWN;
    }

    /** Serialised, so two people racing with the link cannot both become the first account. */
    AccountResult setUp(String token, AccountForm form) {
        synchronized (setupLock) {
            LinkState state = setupStateLocked(token);
            if (state != LinkState.VALID) {
                return new AccountResult.LinkRefused(state);
            }
            List<Problem> problems = form.problems();
            if (!problems.isEmpty()) {
                return new AccountResult.Invalid(problems);
            }
            Facilitator created = facilitators.insert(form.name(), form.email(), hasher.hash(form.password()),
                    TeamRole.ADMINISTRATOR, now());
            setupToken = null;
            return new AccountResult.Created(created, startSession(created.id()), trustDevice(created.id(), null));
        }
    }

    // ---- login and sessions ----

    /**
     * Checks a password, the OWASP "device cookie" way. In a browser this account logged in
     * from before (its device cookie), wrong passwords count against that browser alone. In
     * any other browser they count against the account and against the address, and the
     * account's lock-out holds only there: a stranger who locks the account out cannot keep
     * its owner out of their own browser. An email without an account takes the second path,
     * so a lock-out tells nothing about which emails exist.
     */
    LoginResult logIn(String rawEmail, String password, String previousSessionToken, String deviceToken,
            String address) {
        String email = AccountForm.normalizeEmail(rawEmail);
        if (email.isEmpty() || password == null || password.isEmpty()) {
            return new LoginResult.Incomplete();
        }
        OffsetDateTime now = now();
        Optional<StoredFacilitator> found = facilitators.findByEmail(email);
        // Looked up whatever the email, so that the lookup's time tells nothing about which emails exist.
        Optional<TrustedDevice> device = (plausibleToken(deviceToken)
                ? devices.find(Tokens.sha256(deviceToken), now) : Optional.<TrustedDevice>empty())
                .filter(d -> found.isPresent() && d.facilitatorId() == found.get().facilitator().id());
        if (device.isPresent()) {
            return logInFromTrustedDevice(found.get(), device.get(), password, previousSessionToken, now);
        }
        // Refused before the password is hashed: a script's tries cost the server nothing more.
        if (!limits.mayTryLogin(address)) {
            return new LoginResult.TooManyFromAddress();
        }
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            Optional<OffsetDateTime> locked = decoys.lockedUntil(email, now).or(() -> decoys.recordFailure(email, now));
            return locked.<LoginResult>map(LoginResult.Locked::account).orElseGet(LoginResult.WrongCredentials::new);
        }
        StoredFacilitator account = found.get();
        if (account.lockedAt(now)) {
            // Not even a right password gets through, and checking none would answer faster.
            hasher.verifyAgainstDummy(password);
            return LoginResult.Locked.account(account.lockedUntil());
        }
        if (!hasher.verify(password, account.passwordHash())) {
            return facilitators.recordFailedLogin(account.facilitator().id(), now, MAX_FAILED_LOGINS, LOCK_DURATION)
                    .<LoginResult>map(LoginResult.Locked::account)
                    .orElseGet(LoginResult.WrongCredentials::new);
        }
        limits.loggedIn(address);
        facilitators.clearFailedLogins(account.facilitator().id());
        String otherDevice = plausibleToken(deviceToken) ? Tokens.sha256(deviceToken) : null;
        return loggedIn(account.facilitator(), previousSessionToken, otherDevice, now);
    }

    /** The browser's own budget: the account's lock-out and the address's limit do not apply. */
    private LoginResult logInFromTrustedDevice(StoredFacilitator account, TrustedDevice device, String password,
            String previousSessionToken, OffsetDateTime now) {
        if (device.lockedAt(now)) {
            hasher.verifyAgainstDummy(password);
            return LoginResult.Locked.device(device.lockedUntil());
        }
        if (!hasher.verify(password, account.passwordHash())) {
            return devices.recordFailedLogin(device.tokenHash(), now, MAX_FAILED_LOGINS, LOCK_DURATION)
                    .<LoginResult>map(LoginResult.Locked::device)
                    .orElseGet(LoginResult.WrongCredentials::new);
        }
        return loggedIn(account.facilitator(), previousSessionToken, device.tokenHash(), now);
    }

    private LoginResult loggedIn(Facilitator facilitator, String previousSessionToken, String previousDeviceHash,
            OffsetDateTime now) {
        endSession(previousSessionToken);
        sessions.deleteStale(now, now.minus(SESSION_IDLE_TIMEOUT));
        devices.deleteExpired(now);
        return new LoginResult.LoggedIn(facilitator, startSession(facilitator.id()),
                trustDevice(facilitator.id(), previousDeviceHash));
    }

    /**
     * A new device cookie at every login, so a copied one is worth something only until its
     * owner next logs in. The browser's previous one is dropped, whichever account it was for:
     * a browser carries one.
     *
     * @param previousHash the hash of the cookie the browser had, or null
     */
    private String trustDevice(long facilitatorId, String previousHash) {
        if (previousHash != null) {
            devices.delete(previousHash);
        }
        String token = Tokens.newToken();
        OffsetDateTime now = now();
        devices.insert(Tokens.sha256(token), facilitatorId, now, now.plus(DEVICE_LIFETIME));
        return token;
    }

    /** A fresh random token at every login, so a token planted before login is worth nothing after it. */
    private String startSession(long facilitatorId) {
        String token = Tokens.newToken();
        OffsetDateTime now = now();
        sessions.insert(Tokens.sha256(token), facilitatorId, now, now.plus(SESSION_LIFETIME));
        return token;
    }

    void endSession(String token) {
        if (plausibleToken(token)) {
            sessions.delete(Tokens.sha256(token));
        }
    }

    Optional<Facilitator> facilitatorForSession(String token) {
        if (!plausibleToken(token)) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Optional<LoginSession> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LoginSession session = found.get();
        OffsetDateTime now = now();
        boolean expired = !now.isBefore(session.expiresAt())
                || !now.isBefore(session.lastSeenAt().plus(SESSION_IDLE_TIMEOUT));
        if (expired) {
            sessions.delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(SESSION_TOUCH_INTERVAL))) {
            sessions.touch(hash, now);
        }
        return Optional.of(session.facilitator());
    }

    private static boolean plausibleToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= TOKEN_MAX;
    }

    // ---- invitations ----

    InviteResult invite(Facilitator by, String rawNote) {
        if (!facilitators.role(by.id()).mayInvite()) {
            return new InviteResult.NotAllowed();
        }
        String note = TypedText.line(rawNote);
        if (TypedText.tooLong(note, NOTE_MAX)) {
            return new InviteResult.Invalid(Problem.of("note_too_long", NOTE_MAX));
        }
        String token = Tokens.newToken();
        OffsetDateTime now = now();
        OffsetDateTime expiresAt = now.plus(INVITATION_VALIDITY);
        invitations.insert(Tokens.sha256(token), by.id(), note.isEmpty() ? null : note, now, expiresAt);
        return new InviteResult.Invited(token, expiresAt);
    }

    LinkState invitationState(String token) {
        if (!plausibleToken(token)) {
            return LinkState.UNKNOWN;
        }
        return invitations.find(Tokens.sha256(token))
                .map(invitation -> invitation.stateAt(now()))
                .orElse(LinkState.UNKNOWN);
    }

    AccountResult acceptInvitation(String token, AccountForm form) {
        LinkState state = invitationState(token);
        if (state != LinkState.VALID) {
            return new AccountResult.LinkRefused(state);
        }
        List<Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            return new AccountResult.Invalid(problems);
        }
        if (facilitators.emailTaken(form.email())) {
            return new AccountResult.Invalid(List.of(EMAIL_TAKEN));
        }
        // Hashing takes a quarter of a second: done before the transaction opens.
        String passwordHash = hasher.hash(form.password());
        OffsetDateTime now = now();
        AccountResult result;
        try {
            result = dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                if (!new InvitationRepository(tx).markUsed(Tokens.sha256(token), now)) {
                    return new AccountResult.LinkRefused(LinkState.USED);
                }
                // Throws on a duplicate email, which rolls the invitation back to unused.
                Facilitator created = new FacilitatorRepository(tx).insert(form.name(), form.email(), passwordHash,
                        TeamRole.MEMBER, now);
                return new AccountResult.Created(created, null, null);
            });
        } catch (IntegrityConstraintViolationException e) {
            return new AccountResult.Invalid(List.of(EMAIL_TAKEN));
        }
        if (result instanceof AccountResult.Created created) {
            long id = created.facilitator().id();
            return new AccountResult.Created(created.facilitator(), startSession(id), trustDevice(id, null));
        }
        return result;
    }

    /** Withdraws an open invitation: the administrator any, someone with the right to invite their own. */
    TeamChange revokeInvitation(Facilitator by, String tokenHash) {
        TeamRole role = facilitators.role(by.id());
        if (!role.mayInvite()) {
            return TeamChange.NOT_ALLOWED;
        }
        OffsetDateTime now = now();
        Optional<Invitation> found = tokenHash.length() == HASH_LENGTH ? invitations.find(tokenHash) : Optional.empty();
        if (found.isEmpty() || found.get().stateAt(now) != LinkState.VALID) {
            return TeamChange.NOT_FOUND;
        }
        if (!role.mayRevoke(found.get().invitedBy(), by.id())) {
            return TeamChange.NOT_ALLOWED;
        }
        return invitations.revoke(tokenHash, now) ? TeamChange.DONE : TeamChange.NOT_FOUND;
    }

    // ---- team ----

    List<TeamMember> team() {
        return facilitators.all();
    }

    TeamRole roleOf(Facilitator facilitator) {
        return facilitators.role(facilitator.id());
    }

    /** Only the administrator gives the right to invite, or takes it back; their own role never changes. */
    TeamChange letInvite(Facilitator by, long memberId, boolean allowed) {
        if (facilitators.role(by.id()) != TeamRole.ADMINISTRATOR) {
            return TeamChange.NOT_ALLOWED;
        }
        return facilitators.setRole(memberId, allowed ? TeamRole.INVITER : TeamRole.MEMBER)
                ? TeamChange.DONE : TeamChange.NOT_FOUND;
    }

    List<OpenInvitation> openInvitations() {
        return invitations.open(now());
    }
}
