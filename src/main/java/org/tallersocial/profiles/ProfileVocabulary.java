package org.tallersocial.profiles;

import java.util.List;

/**
 * The fixed answers of the profile-linking exercise. Phones and screens get
 * the keys and word them in their own language; the database stores the keys.
 */
final class ProfileVocabulary {

    /** Whether the person has a personal profile on the network. */
    static final List<String> PRESENCE = List.of("yes", "no", "private");

    /** How far the person would link their profile to the company today, from nothing to speaking for it. */
    static final List<String> LADDER = List.of("none", "follow", "name", "share", "speak");

    static final List<String> OBSTACLES = List.of("privacy", "time", "not_my_job", "mistakes", "consequences",
            "separate_lives", "other");

    static final List<String> HELPS = List.of("guidelines", "training", "work_time", "examples", "worth_following",
            "other");

    static final String OTHER = "other";
    static final int MAX_OTHER_CHARS = 80;
    static final int MAX_NAME_CHARS = 40;

    private ProfileVocabulary() {
    }
}
