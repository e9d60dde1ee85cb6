package org.tallersocial.auth;

import java.time.OffsetDateTime;

/** A facilitator as the team page lists them. */
record TeamMember(long id, String name, String email, OffsetDateTime joinedAt, TeamRole role) {
}
