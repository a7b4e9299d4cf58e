package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;

import org.actlab.io.Numbers;

/** Collects measurements for one check, with small helpers for the usual comparisons. */
final class Measurements {
    private final List<Measurement> list = new ArrayList<>();

    /** Records {@code value} and whether {@code |value − expected| ≤ tolerance}. */
    Measurement close(String name, double value, double expected, double tolerance, String why) {
        boolean met = Math.abs(value - expected) <= tolerance || value == expected;
        return add(new Measurement(name, value,
                "= " + Numbers.format(expected) + " within " + Numbers.format(tolerance) + " (" + why + ")", met));
    }

    /** Records {@code value} and whether it is at most {@code bound}. */
    Measurement atMost(String name, double value, double bound, String why) {
        return add(new Measurement(name, value, "≤ " + Numbers.format(bound) + " (" + why + ")", value <= bound));
    }

    /** Records a condition with the number that shows it. */
    Measurement that(String name, double value, String requirement, boolean met) {
        return add(new Measurement(name, value, requirement, met));
    }

    private Measurement add(Measurement m) {
        list.add(m);
        return m;
    }

    List<Measurement> all() {
        return List.copyOf(list);
    }
}
