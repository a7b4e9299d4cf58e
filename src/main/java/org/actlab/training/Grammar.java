package org.actlab.training;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A seeded probabilistic context-free grammar of English-like sentences, the corpus of the language task:
 * <pre>
 *   S   → NP_n VP_n "."           (n: singular or plural, the subject's number fixes the verb's)
 *   NP_n → Det_n (Adj) N_n ("that" VP_n)
 *   VP_n → V_n NP_m | V_n
 * </pre>
 * with relative clauses nested at most twice. A model has to learn the words, the agreement of a verb with a
 * subject several words back, and where sentences end.
 */
final class Grammar {
    private static final String[] DET_SINGULAR = {"a", "the", "every", "no"};
    private static final String[] DET_PLURAL = {"the", "some", "no", "many"};
    private static final String[] ADJ = {"red", "small", "old", "quiet", "green", "happy"};
    private static final String[] NOUN = {"cat", "dog", "bird", "child", "tree", "farmer", "river"};
    private static final String[] VERB = {"see", "like", "find", "hear", "follow", "know"};
    /** Characters of the corpus before the split, and per split. */
    static final int CORPUS = 120_000;
    static final int VALIDATION_ROWS = 2048;

    private Grammar() {
    }

    /** The characters the grammar can produce. */
    /** The alphabet in character order: the one-hot index of each character. */
    static List<Character> sortedAlphabet() {
        return List.copyOf(new java.util.TreeSet<>(alphabet()));
    }

    static Set<Character> alphabet() {
        Set<Character> s = new TreeSet<>();
        for (String[] words : List.of(DET_SINGULAR, DET_PLURAL, ADJ, NOUN, VERB, new String[] {"that", "s", ". "})) {
            for (String w : words) {
                for (char c : w.toCharArray()) {
                    s.add(c);
                }
            }
        }
        s.add(' ');
        return s;
    }

    /** The corpus (deterministic): sentences separated by a space. */
    static String corpus(long seed, int length) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder(length + 200);
        while (b.length() < length) {
            sentence(r, b);
        }
        return b.substring(0, length);
    }

    private static void sentence(SplittableRandom r, StringBuilder b) {
        boolean plural = r.nextInt(2) == 0;
        nounPhrase(r, b, plural, 0);
        b.append(' ');
        verbPhrase(r, b, plural, 0);
        b.append(". ");
    }

    private static void nounPhrase(SplittableRandom r, StringBuilder b, boolean plural, int depth) {
        String[] det = plural ? DET_PLURAL : DET_SINGULAR;
        b.append(det[r.nextInt(det.length)]).append(' ');
        if (r.nextInt(3) == 0) {
            b.append(ADJ[r.nextInt(ADJ.length)]).append(' ');
        }
        b.append(NOUN[r.nextInt(NOUN.length)]);
        if (plural) {
            b.append('s');
        }
        if (depth < 2 && r.nextInt(4) == 0) {
            b.append(" that ");
            verbPhrase(r, b, plural, depth + 1);
        }
    }

    private static void verbPhrase(SplittableRandom r, StringBuilder b, boolean plural, int depth) {
        String v = VERB[r.nextInt(VERB.length)];
        b.append(v);
        if (!plural) {
            b.append('s');
        }
        if (r.nextInt(4) != 0) {
            b.append(' ');
            nounPhrase(r, b, r.nextInt(2) == 0, depth);
        }
    }

    /**
     * The task: every window of {@code context} characters of the first 80 % of the corpus predicts the character
     * after it (training); {@link #VALIDATION_ROWS} evenly spaced windows of the last 20 % (validation). Rows hold
     * character indices (the trainer makes them one-hot).
     */
    static TaskData task(int context, long seed) {
        String text = corpus(seed, CORPUS);
        List<Character> alphabet = sortedAlphabet();
        int[] code = new int[text.length()];
        for (int i = 0; i < code.length; i++) {
            code[i] = alphabet.indexOf(text.charAt(i));
        }
        int split = code.length * 4 / 5;
        int train = split - context;
        double[] tx = new double[train * context];
        double[] ty = new double[train];
        for (int i = 0; i < train; i++) {
            window(code, i, context, tx, ty, i);
        }
        int span = code.length - split - context;
        double[] vx = new double[VALIDATION_ROWS * context];
        double[] vy = new double[VALIDATION_ROWS];
        for (int j = 0; j < VALIDATION_ROWS; j++) {
            window(code, split + (int) ((long) j * span / VALIDATION_ROWS), context, vx, vy, j);
        }
        return new TaskData(context, 1, alphabet.size(), tx, ty, vx, vy);
    }

    private static void window(int[] code, int start, int context, double[] x, double[] y, int row) {
        for (int p = 0; p < context; p++) {
            x[row * context + p] = code[start + p];
        }
        y[row] = code[start + context];
    }
}
