package org.actlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tasks' data: deterministic, standardised, and the grammar's corpus well formed. */
class TrainingTaskTest {
    @Test
    void aPlanMayShortenTheSchedule() {
        TrainingTask t = TrainingTask.named("grammar-lm");
        java.util.List<TrainingActivation> relu = java.util.List.of(TrainingActivation.named("relu"));
        TrainingTask.Schedule quick = t.schedule(true);
        assertEquals(quick, new TrainingPlan(java.util.List.of(t), relu, java.util.List.of(1L), true).schedule(t));
        // steps replaced, the rest of the quick schedule kept; steps must be a multiple of the evaluation interval
        TrainingTask.Schedule half = new TrainingPlan(java.util.List.of(t), relu, java.util.List.of(1L), true, 100, true).schedule(t);
        assertEquals(new TrainingTask.Schedule(100, quick.batch(), quick.learningRate(), quick.evalEvery()), half);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TrainingPlan(java.util.List.of(t), relu, java.util.List.of(1L), true, quick.evalEvery() + 1, true));
    }

    @Test
    void regressionDataAreDeterministicAndStandardised() {
        for (String name : new String[] {"teacher", "sobolev", "deep-narrow"}) {
            TaskData a = TrainingTask.named(name).data();
            TaskData b = TrainingTask.named(name).data();
            assertArrayEquals(a.trainX(), b.trainX());
            assertArrayEquals(a.valY(), b.valY());
            double mean = 0;
            for (double y : a.trainY()) {
                mean += y / a.trainRows();
            }
            double var = 0;
            for (double y : a.trainY()) {
                var += (y - mean) * (y - mean) / a.trainRows();
            }
            // standardised with the training set's own mean and deviation: 0 and 1 up to the rounding of 4096-term sums
            assertEquals(0, mean, 1e-12, name);
            assertEquals(1, var, 1e-12, name);
        }
    }

    @Test
    void theGrammarAgreesAndEndsItsSentences() {
        String text = Grammar.corpus(TrainingTask.DATA_SEED, 20_000);
        assertEquals(text, Grammar.corpus(TrainingTask.DATA_SEED, 20_000));
        for (String sentence : text.split("\\. ")) {
            String[] w = sentence.trim().split(" ");
            if (w.length < 3 || sentence.contains(" that ") || !(w[0].equals("a") || w[0].equals("every"))) {
                continue;
            }
            // a singular determiner only, no relative clause: the subject is singular and so is its verb (noun, then verb)
            int noun = w[1].matches("red|small|old|quiet|green|happy") ? 2 : 1;
            assertTrue(!w[noun].endsWith("s") || w[noun].equals("bus"), sentence);
            assertTrue(w[noun + 1].endsWith("s"), sentence);
        }
        TaskData lm = TrainingTask.named("grammar-lm").data();
        int v = lm.vocabulary();
        assertEquals(TrainingTask.grammarAlphabet().size(), v);
        for (double c : lm.valX()) {
            assertTrue(c >= 0 && c < v && c == Math.rint(c));
        }
        assertEquals(16, lm.inputs());
    }
}
