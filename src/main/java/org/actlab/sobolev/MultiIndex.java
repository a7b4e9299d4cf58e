package org.actlab.sobolev;

import java.util.ArrayList;
import java.util.List;

/** Multi-indices α ∈ ℕ^d with |α| ≤ order, in graded order (|α| ascending, then lexicographic descending). */
final class MultiIndex {
    private MultiIndex() {
    }

    static List<int[]> all(int d, int order) {
        List<int[]> out = new ArrayList<>();
        for (int total = 0; total <= order; total++) {
            fill(new int[d], 0, total, out);
        }
        return out;
    }

    private static void fill(int[] a, int k, int left, List<int[]> out) {
        if (k == a.length - 1) {
            a[k] = left;
            out.add(a.clone());
            return;
        }
        for (int v = left; v >= 0; v--) {
            a[k] = v;
            fill(a, k + 1, left - v, out);
        }
    }

    static int count(int d, int order) {
        return all(d, order).size();
    }

    static int size(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    /** The position of {@code a} in {@code alphas}. */
    static int indexOf(List<int[]> alphas, int[] a) {
        for (int i = 0; i < alphas.size(); i++) {
            if (java.util.Arrays.equals(alphas.get(i), a)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no multi-index " + java.util.Arrays.toString(a));
    }

    /** α! = Π α_k!. */
    static double factorial(int[] a) {
        double f = 1;
        for (int v : a) {
            for (int i = 2; i <= v; i++) {
                f *= i;
            }
        }
        return f;
    }
}
