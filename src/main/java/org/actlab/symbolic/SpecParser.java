package org.actlab.symbolic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.io.Numbers;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads gradient specifications: {@code CONDITION : EXPRESSION} pieces separated by {@code ;}, where
 * a condition compares x with numbers ({@code x > 2}, {@code x >= -1 && x <= 2}); parameters;
 * assumptions ({@code alpha_p > 0, alpha_n > beta}); an anchor ({@code f(0) = 0}, the default);
 * parameter values ({@code alpha_p=0.8,beta=0.5}). Checks that the pieces cover the real line exactly
 * once and names the point or interval where they do not.
 */
public final class SpecParser {
    private final SymbolicEngine engine;

    public SpecParser(SymbolicEngine engine) {
        this.engine = engine;
    }

    /** The raw text of a spec, before parsing. All but {@code gradient} may be empty. */
    public record Text(String name, String gradient, String params, String assume, String anchor, String set) {
    }

    /** Parses a spec given as text fields. */
    public GradientSpec parse(Text t) {
        if (t.gradient() == null || t.gradient().isBlank()) {
            throw new ActlabException("no gradient given (--gradient 'x > 0 : ... ; x <= 0 : ...' or a named derivation)");
        }
        List<String> params = splitTopLevel(t.params() == null ? "" : t.params()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Symbols symbols = new Symbols(params);
        ExpressionParser exprParser = new ExpressionParser(symbols, true);
        List<GradientSpec.Piece> pieces = new ArrayList<>();
        for (String pieceText : t.gradient().split(";")) {
            if (pieceText.isBlank()) {
                continue;
            }
            int colon = pieceText.indexOf(':');
            if (colon < 0) {
                if (t.gradient().split(";").length == 1) {
                    pieces.add(new GradientSpec.Piece(Interval.ALL, exprParser.parse(pieceText), pieceText.strip()));
                    continue;
                }
                throw new ActlabException("piece '" + pieceText.strip() + "' has no condition: write 'CONDITION : EXPRESSION'");
            }
            Interval domain = condition(exprParser, pieceText.substring(0, colon));
            String exprText = pieceText.substring(colon + 1).strip();
            pieces.add(new GradientSpec.Piece(domain, exprParser.parse(exprText), exprText));
        }
        pieces = checkCoverage(pieces).stream().map(pc -> new GradientSpec.Piece(pc.domain(),
                engine.eval("read the gradient", pc.gradient()), pc.text())).toList();

        ExpressionParser paramParser = new ExpressionParser(symbols, false);
        List<ExpressionParser.Relation> assumptions = new ArrayList<>();
        for (String a : splitTopLevel(t.assume() == null ? "" : t.assume())) {
            if (!a.isBlank()) {
                for (String part : a.split("&&")) {
                    assumptions.add(paramParser.parseRelation(part));
                }
            }
        }
        BigFraction anchorX = BigFraction.ZERO;
        IExpr anchorY = F.C0;
        if (t.anchor() != null && !t.anchor().isBlank()) {
            String a = t.anchor().strip();
            String xs;
            String ys;
            if (a.startsWith("f(") && a.contains(")") && a.contains("=")) {
                xs = a.substring(2, a.indexOf(')'));
                ys = a.substring(a.indexOf('=') + 1);
            } else {
                throw new ActlabException("anchor '" + a + "' must read f(X) = Y, e.g. f(0) = 0");
            }
            anchorX = constant(paramParser, xs, "the anchor abscissa");
            anchorY = paramParser.parse(ys);
        }
        Map<String, Double> values = values(t.set(), symbols);
        String source = "gradient: " + t.gradient().strip() + (params.isEmpty() ? "" : "; param: " + String.join(",", params))
                + (assumptions.isEmpty() ? "" : "; assume: " + t.assume().strip())
                + "; anchor: f(" + Interval.format(anchorX) + ") = " + (t.anchor() == null || t.anchor().isBlank() ? "0"
                        : t.anchor().substring(t.anchor().indexOf('=') + 1).strip());
        return new GradientSpec(t.name() == null || t.name().isBlank() ? "custom" : t.name(), symbols, pieces,
                assumptions, anchorX, anchorY, values, source);
    }

    /**
     * Reads a spec file: JSON ({@code .json}) or text lines {@code key: value} with the keys of {@link Text}.
     * A non-null {@code set} replaces the file's parameter values.
     */
    public GradientSpec parseFile(Path file, String set) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new ActlabException("cannot read spec file " + file + ": " + e.getMessage());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (file.toString().endsWith(".json")) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(content);
            } catch (IOException e) {
                throw new ActlabException("spec file " + file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (root == null || !root.isObject()) {
                throw new ActlabException("spec file " + file + " must hold a JSON object");
            }
            root.fields().forEachRemaining(en -> {
                JsonNode v = en.getValue();
                String s;
                if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(n -> parts.add(n.asText()));
                    s = String.join(en.getKey().equals("gradient") ? ";" : ",", parts);
                } else if (v.isObject()) {
                    List<String> parts = new ArrayList<>();
                    v.fields().forEachRemaining(kv -> parts.add(kv.getKey() + "=" + kv.getValue().asText()));
                    s = String.join(",", parts);
                } else {
                    s = v.asText();
                }
                fields.put(en.getKey(), s);
            });
        } else {
            for (String line : content.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon < 0) {
                    throw new ActlabException("spec file line '" + l + "' must read 'key: value'");
                }
                String key = l.substring(0, colon).strip();
                String value = l.substring(colon + 1).strip();
                fields.merge(key, value, (a, b) -> a + (key.equals("gradient") ? " ; " : ", ") + b);
            }
        }
        for (String key : fields.keySet()) {
            if (!List.of("name", "gradient", "param", "params", "assume", "anchor", "set").contains(key)) {
                throw new ActlabException("unknown key '" + key + "' in spec file " + file
                        + " (keys: name, gradient, param, assume, anchor, set)");
            }
        }
        return parse(new Text(fields.get("name"), fields.get("gradient"),
                fields.getOrDefault("param", fields.get("params")), fields.get("assume"), fields.get("anchor"),
                set != null ? set : fields.get("set")));
    }

    /** Parses {@code name=value,...}, checking every name is a parameter. */
    static Map<String, Double> values(String set, Symbols symbols) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (set == null || set.isBlank()) {
            return values;
        }
        for (String kv : set.split(",")) {
            String[] parts = kv.split("=", 2);
            if (parts.length != 2) {
                throw new ActlabException("--set takes name=value pairs, got '" + kv.strip() + "'");
            }
            String name = parts[0].strip();
            if (symbols.parameter(name) == null) {
                throw new ActlabException("--set names '" + name + "', which is not a parameter (parameters: "
                        + (symbols.parameterNames().isEmpty() ? "none" : String.join(", ", symbols.parameterNames())) + ")");
            }
            values.put(name, Numbers.parse(parts[1].strip(), name));
        }
        return values;
    }

    private Interval condition(ExpressionParser parser, String text) {
        Interval interval = Interval.ALL;
        for (ExpressionParser.Relation r : parser.parseConjunction(text)) {
            interval = interval.intersect(bound(parser, r));
        }
        if (interval.isEmpty()) {
            throw new ActlabException("condition '" + text.strip() + "' holds for no x");
        }
        return interval;
    }

    private Interval bound(ExpressionParser parser, ExpressionParser.Relation r) {
        boolean xLeft = r.lhs().equals(parser.symbols().x());
        boolean xRight = r.rhs().equals(parser.symbols().x());
        if (xLeft == xRight) {
            throw new ActlabException("condition '" + r.text() + "' must compare x with a number (x > 2, x <= -1)");
        }
        BigFraction c = constant(xLeft ? r.rhs() : r.lhs(), r.text());
        String op = r.op();
        if (!xLeft) {   // c OP x  ⇔  x OP' c
            op = switch (op) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> op;
            };
        }
        return switch (op) {
            case ">" -> new Interval(c, false, null, false);
            case ">=" -> new Interval(c, true, null, false);
            case "<" -> new Interval(null, false, c, false);
            case "<=" -> new Interval(null, false, c, true);
            default -> throw new ActlabException("condition '" + r.text()
                    + "' is a single point; a piece must be an interval (x > a, x <= b, a <= x && x < b)");
        };
    }

    private BigFraction constant(ExpressionParser parser, String text, String what) {
        return constant(parser.parse(text), what + " '" + text.strip() + "'");
    }

    private BigFraction constant(IExpr e, String context) {
        IExpr v = engine.eval("read a number", e);
        if (!v.isRational()) {
            throw new ActlabException("in '" + context + "': the bound must be a rational number (like 2, -1.5 or 1/3)");
        }
        return ((org.matheclipse.core.interfaces.IRational) v).toBigFraction();
    }

    /** Orders the pieces and checks that they cover the real line exactly once. */
    static List<GradientSpec.Piece> checkCoverage(List<GradientSpec.Piece> pieces) {
        if (pieces.isEmpty()) {
            throw new ActlabException("the gradient has no pieces");
        }
        List<GradientSpec.Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparing((GradientSpec.Piece p) -> p.domain().lo(),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(p -> !p.domain().loClosed()));
        Interval first = sorted.get(0).domain();
        if (first.lo() != null) {
            throw new ActlabException("no piece covers x " + (first.loClosed() ? "<" : "<=") + " " + Interval.format(first.lo()));
        }
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Interval a = sorted.get(i).domain();
            Interval b = sorted.get(i + 1).domain();
            String names = "'" + a.condition() + "' and '" + b.condition() + "'";
            if (b.lo() == null || a.hi() == null) {
                throw new ActlabException("pieces " + names + " overlap");
            }
            int c = a.hi().compareTo(b.lo());
            if (c < 0) {
                throw new ActlabException("no piece covers the interval " + new Interval(a.hi(), !a.hiClosed(), b.lo(), !b.loClosed()));
            }
            if (c > 0) {
                throw new ActlabException("pieces " + names + " overlap on " + a.intersect(b));
            }
            if (a.hiClosed() && b.loClosed()) {
                throw new ActlabException("x = " + Interval.format(b.lo()) + " is covered twice (by " + names + ")");
            }
            if (!a.hiClosed() && !b.loClosed()) {
                throw new ActlabException("x = " + Interval.format(b.lo()) + " is covered by no piece (between " + names + ")");
            }
        }
        Interval last = sorted.get(sorted.size() - 1).domain();
        if (last.hi() != null) {
            throw new ActlabException("no piece covers x " + (last.hiClosed() ? ">" : ">=") + " " + Interval.format(last.hi()));
        }
        return List.copyOf(sorted);
    }

    /** Splits on commas outside parentheses. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out.stream().filter(x -> !x.isBlank()).map(String::strip).toList();
    }
}
