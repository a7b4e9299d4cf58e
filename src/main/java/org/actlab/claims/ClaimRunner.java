package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;


/**
 * Runs claims in two lanes side by side: the ND4J checks ({@link Claim#usesHarness}) one after another on one
 * thread (those that use Symja last), and the others, then whatever needs only their outcomes (the report's
 * figures), on another. The claims are independent and each is deterministic whatever runs beside it (the Symja
 * steps take turns on Symja's one thread; the ND4J checks never overlap), so the outcomes are those of running them
 * one after another; they are delivered in the claims' order. On 2 cores this hides the symbolic and approximation
 * claims behind the ND4J ones.
 */
public final class ClaimRunner {
    private ClaimRunner() {
    }

    /**
     * What ran.
     *
     * @param outcomes every claim's outcome, in the claims' order
     * @param after    what {@code afterOthers} returned
     */
    public record Ran<T>(List<Outcome> outcomes, T after) {
    }

    /**
     * Runs the claims (see the class comment); {@code onClaim} receives each outcome in order as soon as it and those
     * before it are known.
     */
    public static List<Outcome> run(List<Claim> claims, Consumer<String> progress, Consumer<Outcome> onClaim) {
        return run(claims, progress, onClaim, others -> null).outcomes();
    }

    /**
     * Runs the claims, and on the second lane, once the claims that do not use the harness are done,
     * {@code afterOthers} with their outcomes (in order).
     */
    public static <T> Ran<T> run(List<Claim> claims, Consumer<String> progress, Consumer<Outcome> onClaim,
                                 Function<List<Outcome>, T> afterOthers) {
        Outcome[] outcomes = new Outcome[claims.size()];
        int[] delivered = {0};
        Consumer<Integer> check = i -> {
            Claim c = claims.get(i);
            progress.accept("claim " + (i + 1) + "/" + claims.size() + " " + c.id());
            Outcome o = c.check(line -> progress.accept(c.id() + ": " + line));
            synchronized (outcomes) {
                outcomes[i] = o;
                while (delivered[0] < outcomes.length && outcomes[delivered[0]] != null) {
                    onClaim.accept(outcomes[delivered[0]++]);
                }
            }
        };
        List<Integer> harness = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            (claims.get(i).usesHarness() ? harness : others).add(i);
        }
        // the ND4J checks that use Symja last: until the other lane's symbolic claims and figures are done they would
        // wait for Symja's thread (the catalogue check took 48 s that way instead of 17 s)
        harness.sort(java.util.Comparator.comparing(i -> claims.get(i).usesSymja()));
        ExecutorService lanes = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "actlab-claims");
            t.setDaemon(true);   // a failed run exits without waiting for the other lane
            return t;
        });
        try {
            CompletableFuture<Void> nd4j = CompletableFuture.runAsync(() -> harness.forEach(check), lanes);
            CompletableFuture<T> rest = CompletableFuture.supplyAsync(() -> {
                others.forEach(check);
                List<Outcome> done = new ArrayList<>();
                for (int i : others) {
                    done.add(outcomes[i]);
                }
                return afterOthers.apply(done);
            }, lanes);
            // the first failure ends the run at once, whichever lane it is in (the other lane's daemon thread is
            // interrupted by shutdownNow)
            CompletableFuture<Object> failed = new CompletableFuture<>();
            for (CompletableFuture<?> lane : List.of(nd4j, rest)) {
                lane.whenComplete((v, t) -> {
                    if (t != null) {
                        failed.completeExceptionally(t);
                    }
                });
            }
            CompletableFuture.anyOf(failed, CompletableFuture.allOf(nd4j, rest)).join();
            return new Ran<>(List.of(outcomes), rest.join());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException inner ? inner.getCause() : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            lanes.shutdownNow();
        }
    }
}
