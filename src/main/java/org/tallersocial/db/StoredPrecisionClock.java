package org.tallersocial.db;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The system clock cut to the microseconds H2 keeps, so what a room holds in
 * memory equals what a restart (or a restored backup) reads back, to the last
 * digit of every exported timestamp. (Clock.tick with a sub-millisecond step
 * divides by zero in millis() on Java 17.)
 */
public final class StoredPrecisionClock extends Clock {

    private final Clock system;

    public StoredPrecisionClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new StoredPrecisionClock(system.withZone(zone));
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return system.millis();
    }
}
