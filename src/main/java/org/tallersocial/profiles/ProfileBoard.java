package org.tallersocial.profiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every committed answer of one profile-linking step, mirrored in memory so
 * that the room's picture costs no query. Written only after the database commit.
 */
final class ProfileBoard {

    private final Map<Long, Map<String, ProfileRepository.Stored>> byParticipant = new HashMap<>();

    ProfileBoard(List<ProfileRepository.Stored> stored) {
        stored.forEach(this::put);
    }

    synchronized void put(ProfileRepository.Stored s) {
        byParticipant.computeIfAbsent(s.participantId(), id -> new LinkedHashMap<>()).put(s.answer().network(), s);
    }

    synchronized Optional<ProfileRepository.Stored> of(long participantId, String network) {
        return Optional.ofNullable(byParticipant.getOrDefault(participantId, Map.of()).get(network));
    }

    synchronized List<ProfileAnswer> answersOf(long participantId) {
        List<ProfileAnswer> out = new ArrayList<>();
        byParticipant.getOrDefault(participantId, Map.of()).values().forEach(s -> out.add(s.answer()));
        return out;
    }

    /** Each person's answers, keyed by network: the input of the counts, never sent anywhere as it is. */
    synchronized List<Map<String, ProfileAnswer>> people() {
        List<Map<String, ProfileAnswer>> out = new ArrayList<>();
        for (Map<String, ProfileRepository.Stored> answers : byParticipant.values()) {
            Map<String, ProfileAnswer> copy = new LinkedHashMap<>();
            answers.forEach((network, s) -> copy.put(network, s.answer()));
            out.add(copy);
        }
        return out;
    }

    synchronized boolean hasAnswersFor(String network) {
        return byParticipant.values().stream().anyMatch(m -> m.containsKey(network));
    }
}
