package org.actlab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure the README's architecture section states, read from the compiled classes with the
 * JDK's own {@code jdeps} (nested classes folded into their file): no file and no package depends on
 * itself through others, and the rooms that must not touch one another do not. Exact properties of
 * the dependency graph; no tolerance.
 */
class ArchitectureTest {
    /** file (top-level class, without the {@code org.actlab.} prefix) → the files it uses. */
    private static final Map<String, Set<String>> FILES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes), "run after compilation: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:class", "-filter:none",
                "-e", "org\\.actlab\\..*", classes.toString());
        assertEquals(0, rc, "jdeps failed");
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (!line.startsWith(" ") || f.length < 3 || !f[0].startsWith("org.actlab.") || !f[2].startsWith("org.actlab.")) {
                continue;
            }
            String from = file(f[0]);
            String to = file(f[2]);
            FILES.computeIfAbsent(from, k -> new TreeSet<>());
            if (!from.equals(to)) {
                FILES.get(from).add(to);
            }
        }
        assertTrue(FILES.size() > 150, "read " + FILES.size() + " files");   // files that use another actlab file
    }

    private static String file(String className) {
        String c = className.substring("org.actlab.".length());
        int nested = c.indexOf('$');
        return nested < 0 ? c : c.substring(0, nested);
    }

    private static String pkg(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(0, dot);
    }

    @Test
    void theCycleFinderFindsACycle() {
        // a ⇄ b is a cycle; c → a and d alone are not
        Map<String, Set<String>> g = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of("a"), "d", Set.of()));
        assertEquals(List.of(List.of("a", "b")), cycles(g));
    }

    @Test
    void noFileDependsOnItselfThroughOthers() {
        assertEquals(List.of(), cycles(FILES));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> packages = new TreeMap<>();
        FILES.forEach((from, tos) -> {
            packages.computeIfAbsent(pkg(from), k -> new TreeSet<>());
            for (String to : tos) {
                if (!pkg(to).equals(pkg(from))) {
                    packages.get(pkg(from)).add(pkg(to));
                }
            }
        });
        assertEquals(List.of(), cycles(packages));
    }

    @Test
    void roomsThatMustNotTouchDoNot() {
        // polynomial is the bottom; the algebra prints nothing; plots and printers compute nothing of
        // their own rooms; only cli, claims, training and the harness itself reach the gpu classes (lab
        // reaches the harness through gpu.api like the CLI)
        forbid("polynomial", "activation", "approx", "network", "symbolic", "sobolev", "claims", "cli", "report", "plot", "print");
        forbid("network", "approx", "sobolev", "claims", "cli", "report", "plot", "print");
        forbid("approx", "plot", "print", "cli", "report", "claims");
        forbid("sobolev", "plot", "print", "cli", "report", "claims");
        forbid("symbolic", "symbolic.print", "cli", "report", "plot", "print");
        forbid("activation", "symbolic", "approx", "network", "cli");
        forbid("io", "activation", "approx", "network", "symbolic", "sobolev", "claims", "cli", "report", "plot", "print");
        for (String p : List.of("activation", "approx", "network", "polynomial", "symbolic", "sobolev", "print", "plot", "report",
                "training", "io", "validation", "export")) {
            forbid(p, "gpu", "gpu.train", "gpu.harness");
        }
        // lab is the library's front door for notebooks and scripts: it may use every room but cli, and no
        // room uses it (the CLI is a second front door beside it, not on top of it)
        forbid("lab", "cli", "gpu", "gpu.train", "gpu.harness");
        for (String p : List.of("activation", "approx", "network", "polynomial", "symbolic", "sobolev", "print", "plot", "report",
                "training", "io", "validation", "export", "claims", "cli", "gpu", "gpu.api", "gpu.harness", "gpu.train")) {
            forbid(p, "lab");
        }
    }

    private static void forbid(String from, String... to) {
        for (Map.Entry<String, Set<String>> e : FILES.entrySet()) {
            if (!pkg(e.getKey()).equals(from)) {
                continue;
            }
            for (String used : e.getValue()) {
                for (String t : to) {
                    assertTrue(!pkg(used).equals(t), e.getKey() + " uses " + used + " (" + from + " must not use " + t + ")");
                }
            }
        }
    }

    /** The strongly connected components with more than one member (Tarjan), each sorted. */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out, next);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(String::compareTo);
                out.add(component);
            }
        }
    }
}
