package org.actlab.claims;

import java.util.List;

/**
 * The result of checking a claim.
 *
 * @param id           the claim's id
 * @param status       PASS, FAIL, or OUT_OF_SCOPE (cannot be checked here; the reason is the summary)
 * @param summary      one line with the key numbers
 * @param measurements every number measured, in order
 * @param seconds      wall-clock time of the check
 */
public record Outcome(String id, Status status, String summary, List<Measurement> measurements, double seconds) {

    /** How a check ended. */
    public enum Status { PASS, FAIL, OUT_OF_SCOPE }

    /** PASS when every measurement met its requirement, FAIL otherwise. */
    public static Outcome of(String id, String summary, List<Measurement> measurements, double seconds) {
        boolean ok = !measurements.isEmpty() && measurements.stream().allMatch(Measurement::met);
        return new Outcome(id, ok ? Status.PASS : Status.FAIL, summary, List.copyOf(measurements), seconds);
    }

    /** Whether the claim passed. */
    public boolean passed() {
        return status == Status.PASS;
    }
}
