package org.tallersocial.reactions;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The reactions a workshop's phones offer, in the palette's order; empty when the room wants none. */
public record Offered(Set<Reaction> reactions) {

    public Offered {
        reactions = reactions.isEmpty() ? EnumSet.noneOf(Reaction.class) : EnumSet.copyOf(reactions);
    }

    static final Offered DEFAULT = new Offered(EnumSet.copyOf(Reaction.DEFAULT));

    public boolean offers(Reaction r) {
        return reactions.contains(r);
    }

    public List<String> keys() {
        return reactions.stream().map(Reaction::key).toList();
    }

    /** As stored: keys separated by commas. A key no longer in the palette is passed over. */
    static Offered parse(String stored) {
        return new Offered(Arrays.stream(stored.split(",")).map(Reaction::of).flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reaction.class))));
    }

    String stored() {
        return String.join(",", keys());
    }

    /** What a form sent: every value must be a reaction of the palette, or nothing changes. */
    static Offered fromForm(Collection<String> keys) {
        Set<Reaction> chosen = EnumSet.noneOf(Reaction.class);
        for (String key : keys) {
            chosen.add(Reaction.of(key).orElseThrow(
                    () -> new org.tallersocial.workshop.WorkshopRefusal("reactions.unknown")));
        }
        return new Offered(chosen);
    }
}
