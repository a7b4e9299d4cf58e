package org.actlab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;

/** The two lanes of claims: order of delivery, the harness claims one at a time, the lanes side by side, failures. */
class ClaimRunnerTest {
    /** A claim whose check runs {@code work} and passes with one measurement. */
    private record Fake(String id, boolean usesHarness, boolean usesSymja, Runnable work) implements Claim {
        @Override
        public String statement() {
            return id;
        }

        @Override
        public String method() {
            return id;
        }

        @Override
        public Outcome check() {
            work.run();
            return Outcome.of(id, id, List.of(new Measurement(id, 1, "= 1", true)), 0);
        }
    }

    @Test
    void outcomesArriveInOrderAndHarnessClaimsNeverOverlap() {
        AtomicInteger inHarness = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        // the first harness claim waits until the other lane has run its first claim: with one lane this would wait forever
        // (the latch's 30 s bound turns that into a failure instead of a hang)
        CountDownLatch otherLaneRan = new CountDownLatch(1);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean harness = i % 3 == 1;
            boolean first = i == 1;
            claims.add(new Fake("c" + i, harness, false, harness ? () -> {
                mostAtOnce.accumulateAndGet(inHarness.incrementAndGet(), Math::max);
                if (first) {
                    try {
                        assertTrue(otherLaneRan.await(30, TimeUnit.SECONDS), "the lanes did not run side by side");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                inHarness.decrementAndGet();
            } : otherLaneRan::countDown));
        }
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        ClaimRunner.Ran<List<String>> ran = ClaimRunner.run(claims, line -> { }, o -> delivered.add(o.id()),
                others -> others.stream().map(Outcome::id).toList());
        List<String> ids = claims.stream().map(Claim::id).toList();
        assertEquals(ids, delivered);
        assertEquals(ids, ran.outcomes().stream().map(Outcome::id).toList());
        assertEquals(List.of("c0", "c2", "c3", "c5", "c6"), ran.after());
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void harnessClaimsThatUseSymjaRunLast() {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<Claim> claims = new ArrayList<>();
        for (String id : List.of("symbolic-nd4j", "nd4j-a", "plain", "nd4j-b")) {
            claims.add(new Fake(id, !id.equals("plain"), id.startsWith("symbolic"), () -> started.add(id)));
        }
        List<String> delivered = new ArrayList<>();
        ClaimRunner.run(claims, line -> { }, o -> delivered.add(o.id()));
        List<String> harnessOrder = started.stream().filter(id -> !id.equals("plain")).toList();
        assertEquals(List.of("nd4j-a", "nd4j-b", "symbolic-nd4j"), harnessOrder);
        assertEquals(List.of("symbolic-nd4j", "nd4j-a", "plain", "nd4j-b"), delivered);   // still reported in order
    }

    @Test
    void aFailingClaimFailsTheRunWithItsMessage() {
        List<Claim> claims = List.of(new Fake("ok", false, false, () -> { }), new Fake("bad", true, false, () -> {
            throw new ActlabException("the harness is missing");
        }));
        ActlabException e = assertThrows(ActlabException.class, () -> ClaimRunner.run(claims, line -> { }, o -> { }));
        assertEquals("the harness is missing", e.getMessage());
    }

    @Test
    void aFailureEndsTheRunWithoutWaitingForTheOtherLane() {
        // the other lane's claim would wait 30 s for a release that never comes: the failure must arrive first
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean waitedOut = new java.util.concurrent.atomic.AtomicBoolean();
        List<Claim> claims = List.of(new Fake("slow", false, false, () -> {
            try {
                waitedOut.set(!never.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();   // stopped by the runner: what should happen
            }
        }), new Fake("bad", true, false, () -> {
            throw new ActlabException("the harness is missing");
        }));
        assertThrows(ActlabException.class, () -> ClaimRunner.run(claims, line -> { }, o -> { }));
        assertFalse(waitedOut.get(), "the run waited for the other lane");
    }
}
