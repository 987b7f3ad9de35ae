package cn.huying.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests can set and advance. Starts at the real time; {@link #reset()} returns to it. */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock c = new MutableClock(zone);
        c.fixed = fixed;
        return c;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration d) {
        fixed = instant().plus(d);
    }

    public boolean isFixed() {
        return fixed != null;
    }

    public void reset() {
        fixed = null;
    }
}
