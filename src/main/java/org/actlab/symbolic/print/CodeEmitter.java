package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Interval;

/** What the Java and PyTorch emitters share: names, default values, stable pieces. */
final class CodeEmitter {
    private CodeEmitter() {
    }

    /** {@code xielu} → {@code Xielu}, {@code my-act} → {@code MyAct}. */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                up = true;
                continue;
            }
            b.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
            b.insert(0, "Derived");
        }
        return b.toString();
    }

    /** The value of each parameter to put in generated code: --set, else the named default, else 1. */
    static double[] defaults(Derivation d, Map<String, Double> namedDefaults) {
        List<String> names = d.spec().symbols().parameterNames();
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            String n = names.get(i);
            out[i] = d.spec().values().getOrDefault(n, namedDefaults.getOrDefault(n, 1.0));
        }
        return out;
    }

    /** A Java/Python condition on {@code v} for an interval. */
    static String condition(Interval d, String v, boolean python) {
        List<String> parts = new ArrayList<>();
        // bounds that are not doubles (1/3) become the comparison that holds for exactly the same doubles
        if (d.lo() != null) {
            Object[] c = Interval.doubleCondition(d.loClosed() ? ">=" : ">", d.lo());
            parts.add(v + " " + c[0] + " " + literal((Double) c[1]));
        }
        if (d.hi() != null) {
            Object[] c = Interval.doubleCondition(d.hiClosed() ? "<=" : "<", d.hi());
            parts.add(v + " " + c[0] + " " + literal((Double) c[1]));
        }
        if (parts.isEmpty()) {
            return python ? "True" : "true";
        }
        return String.join(python ? " & " : " && ", python ? parts.stream().map(s -> "(" + s + ")").toList() : parts);
    }

    static String literal(double v) {
        String s = org.actlab.io.Numbers.format(v);
        return s.contains(".") || s.contains("e") || s.contains("E") || s.contains("n") ? s : s + ".0";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
