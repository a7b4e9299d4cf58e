package org.actlab.claims;

/**
 * One checkable statement of a paper: what it says, how actlab checks it, and the check itself.
 * A claim holds no mathematics of its own beyond the statement's formulas; it calls the packages
 * that compute, and measures.
 */
public interface Claim {
    /** A stable id such as {@code xielu.properties}. */
    String id();

    /** The statement, in words (with the paper's formulas). */
    String statement();

    /** How it is checked here, including the tolerances and why they are right. */
    String method();

    /** Runs the check. */
    Outcome check();

    /**
     * Runs the check, telling {@code progress} what it is doing every few seconds where the work is long (the
     * Sobolev rates, the ND4J checks, the training runs); the others run as {@link #check()}.
     */
    default Outcome check(java.util.function.Consumer<String> progress) {
        return check();
    }

    /**
     * The shortened form that {@code reproduce --quick} runs, or this claim where it is quick already; the form's
     * {@link #method} describes what it runs and its {@link #shortened} what it leaves out.
     */
    default Claim quick() {
        return this;
    }

    /** What this form leaves out of the full check, in words; empty for a full check. */
    default String shortened() {
        return "";
    }

    /**
     * Whether the check uses the ND4J harness. Such checks run one after another (ND4J's thread settings are the
     * process's, and training changes them); {@link ClaimRunner} runs the others beside them.
     */
    default boolean usesHarness() {
        return false;
    }

    /**
     * Whether the check evaluates with Symja. Symja steps take turns on Symja's one thread, so {@link ClaimRunner}
     * runs the ND4J checks that need it after those that do not, when the other lane's symbolic work is done.
     */
    default boolean usesSymja() {
        return false;
    }

    /**
     * Every seed the check uses, by what it seeds (empty for a claim with no randomness). The report's
     * provenance lists them, so its seed list is made from the claims, never typed twice.
     */
    default java.util.Map<String, Long> seeds() {
        return java.util.Map.of();
    }
}
