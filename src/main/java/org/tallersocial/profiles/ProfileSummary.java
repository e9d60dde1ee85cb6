package org.tallersocial.profiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The room's picture of the exercise: counts only, with every count under the
 * threshold hidden (null). This is all that ever leaves the package: screens,
 * the console and exports are built from it, never from the answers.
 *
 * @param respondents people who answered for at least one network
 * @param networks    per network, in the exercise's order
 * @param obstacles   people naming each obstacle for at least one network, most named first
 * @param helps       people naming each help, most named first
 * @param cross       people who named an obstacle and a help together for the same network
 * @param ambassadors per network, the names of those who chose to be named; only networks with any
 */
public record ProfileSummary(int respondents, int threshold, List<NetworkRow> networks, List<Count> obstacles,
                      List<Count> helps, Cross cross, Map<String, List<String>> ambassadors) {

    /**
     * @param answered how many people answered for this network
     * @param presence counts of "yes", "no", "private" in that order
     * @param ladder   among those with a profile, counts per ladder step; all null when the "yes" count is hidden
     */
    public record NetworkRow(String network, int answered, Integer[] presence, Integer[] ladder) {
    }

    public record Count(String key, Integer count) {
    }

    public record Cross(List<String> obstacles, List<String> helps, Integer[][] cells) {
    }

    static ProfileSummary of(List<String> networks, List<Map<String, ProfileAnswer>> people) {
        return of(networks, people, org.tallersocial.content.StepSpec.ExerciseSpec.DEFAULT_THRESHOLD);
    }

    /** @param t the smallest count shown: the step's, 3 unless the facilitator raised it */
    static ProfileSummary of(List<String> networks, List<Map<String, ProfileAnswer>> people, int t) {
        List<NetworkRow> rows = new ArrayList<>();
        for (String network : networks) {
            rows.add(row(network, people, t));
        }
        List<String> obstacleKeys = ProfileVocabulary.OBSTACLES;
        List<String> helpKeys = ProfileVocabulary.HELPS;
        int[][] cross = new int[obstacleKeys.size()][helpKeys.size()];
        int respondents = 0;
        Map<String, Set<String>> ambassadors = new LinkedHashMap<>();
        int[] obstacleCounts = new int[obstacleKeys.size()];
        int[] helpCounts = new int[helpKeys.size()];
        for (Map<String, ProfileAnswer> person : people) {
            Set<String> named = new HashSet<>();
            Set<String> helped = new HashSet<>();
            Set<String> pairs = new HashSet<>();
            for (String network : networks) {
                ProfileAnswer a = person.get(network);
                if (a == null) {
                    continue;
                }
                named.addAll(a.obstacles());
                helped.addAll(a.helps());
                a.obstacles().forEach(o -> a.helps().forEach(h -> pairs.add(o + "|" + h)));
                if (a.ambassador()) {
                    ambassadors.computeIfAbsent(network, n -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                            .add(a.ambassadorName());
                }
            }
            if (person.keySet().stream().anyMatch(networks::contains)) {
                respondents++;
            }
            named.forEach(o -> obstacleCounts[obstacleKeys.indexOf(o)]++);
            helped.forEach(h -> helpCounts[helpKeys.indexOf(h)]++);
            for (String pair : pairs) {
                String[] oh = pair.split("\\|");
                cross[obstacleKeys.indexOf(oh[0])][helpKeys.indexOf(oh[1])]++;
            }
        }
        Integer[][] crossShown = new Integer[obstacleKeys.size()][helpKeys.size()];
        for (int o = 0; o < obstacleKeys.size(); o++) {
            for (int h = 0; h < helpKeys.size(); h++) {
                crossShown[o][h] = SmallCells.single(cross[o][h], t);
            }
        }
        Map<String, List<String>> named = new LinkedHashMap<>();
        networks.stream().filter(ambassadors::containsKey)
                .forEach(n -> named.put(n, List.copyOf(ambassadors.get(n))));
        return new ProfileSummary(respondents, t, rows, ranked(obstacleKeys, obstacleCounts, t),
                ranked(helpKeys, helpCounts, t), new Cross(obstacleKeys, helpKeys, crossShown), named);
    }

    private static NetworkRow row(String network, List<Map<String, ProfileAnswer>> people, int t) {
        int[] presence = new int[ProfileVocabulary.PRESENCE.size()];
        int[] ladder = new int[ProfileVocabulary.LADDER.size()];
        int answered = 0;
        for (Map<String, ProfileAnswer> person : people) {
            ProfileAnswer a = person.get(network);
            if (a == null) {
                continue;
            }
            answered++;
            presence[ProfileVocabulary.PRESENCE.indexOf(a.hasProfile())]++;
            if (a.ladder() != null) {
                ladder[a.ladder()]++;
            }
        }
        Integer[] presenceShown = SmallCells.group(presence, t);
        // The ladder adds up to the "yes" count: shown only under it, or the ladder would give it away.
        Integer[] ladderShown = presenceShown[0] == null ? new Integer[ladder.length] : SmallCells.group(ladder, t);
        return new NetworkRow(network, answered, presenceShown, ladderShown);
    }

    /** Most named first; hidden counts last, in the vocabulary's order, so their place reveals nothing. */
    private static List<Count> ranked(List<String> keys, int[] counts, int t) {
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(new Count(keys.get(i), SmallCells.single(counts[i], t)));
        }
        out.sort(Comparator.comparing((Count c) -> c.count() == null ? -1 : c.count()).reversed()
                .thenComparing(c -> keys.indexOf(c.key())));
        return out;
    }
}
