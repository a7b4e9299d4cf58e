package org.actlab.claims;

import java.util.List;

/**
 * The result of checking a claim.
 *
 * @param id           the claim's id
 * @param status       PASS, FAIL, MEASURED (ran, and reports what it found without a verdict: a small-scale analogue of an
 *                     experiment), or OUT_OF_SCOPE (cannot be checked here; the reason is the summary)
 * @param summary      one line with the key numbers
 * @param measurements every number measured, in order
 * @param seconds      wall-clock time of the check
 * @param evidence     the result records the check measured, for figures drawn from them (empty for most claims)
 */
public record Outcome(String id, Status status, String summary, List<Measurement> measurements, double seconds, List<Record> evidence) {

    /** How a check ended. */
    public enum Status { PASS, FAIL, MEASURED, OUT_OF_SCOPE }

    public Outcome {
        measurements = List.copyOf(measurements);
        evidence = List.copyOf(evidence);
    }

    /** An outcome without evidence records. */
    public Outcome(String id, Status status, String summary, List<Measurement> measurements, double seconds) {
        this(id, status, summary, measurements, seconds, List.of());
    }

    /** PASS when every measurement met its requirement, FAIL otherwise. */
    public static Outcome of(String id, String summary, List<Measurement> measurements, double seconds) {
        boolean ok = !measurements.isEmpty() && measurements.stream().allMatch(Measurement::met);
        return new Outcome(id, ok ? Status.PASS : Status.FAIL, summary, measurements, seconds);
    }

    /** This outcome with {@code evidence}: the result records it measured, for figures drawn from them. */
    public Outcome withEvidence(List<? extends Record> evidence) {
        return new Outcome(id, status, summary, measurements, seconds, List.copyOf(evidence));
    }

    /** The evidence records of one type, in order. */
    public <T extends Record> List<T> evidence(Class<T> type) {
        return evidence.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Whether the claim passed. */
    public boolean passed() {
        return status == Status.PASS;
    }

    /** Whether the check has a verdict (PASS or FAIL), so that it counts in "n of m claims passed". */
    public boolean judged() {
        return status == Status.PASS || status == Status.FAIL;
    }

    /** Whether the check ran (everything but OUT_OF_SCOPE). */
    public boolean ran() {
        return status != Status.OUT_OF_SCOPE;
    }
}
