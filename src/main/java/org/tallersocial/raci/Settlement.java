package org.tallersocial.raci;

import java.time.OffsetDateTime;
import java.util.List;

/** Where the matrix stands: settled or open for changes, and, when settled anyway, why and despite what. */
public record Settlement(boolean settled, String reason, List<String> failingChecks, String by, OffsetDateTime at) {

    static final Settlement NONE = new Settlement(false, null, List.of(), null, null);
}
