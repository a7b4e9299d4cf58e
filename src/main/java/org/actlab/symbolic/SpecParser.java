package org.actlab.symbolic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;
import org.actlab.io.InputFiles;
import org.actlab.io.Numbers;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads gradient specifications: {@code CONDITION : EXPRESSION} pieces separated by {@code ;}, where
 * a condition compares x with numbers ({@code x > 2}, {@code x >= -1 && x <= 2}); parameters;
 * assumptions ({@code alpha_p > 0, alpha_n > beta}); an anchor ({@code f(0) = 0}, the default);
 * parameter values ({@code alpha_p=0.8,beta=0.5}). Checks that the pieces cover the real line exactly
 * once and names the point or interval where they do not.
 *
 * <p>Limits (checked before any symbolic work): at most {@link #MAX_PIECES} pieces, each expression
 * within {@link ExpressionParser}'s limits; at most {@link #MAX_PARAMETERS} parameters and
 * {@link #MAX_ASSUMPTIONS} assumptions; a name of at most {@link #MAX_NAME_LENGTH} characters from
 * {@code [A-Za-z0-9_|-]}, starting with a letter; spec files of at most {@link #MAX_FILE_BYTES} bytes.
 */
public final class SpecParser {
    /** The most pieces of a gradient. */
    public static final int MAX_PIECES = 32;
    /** The most parameters of a spec. */
    public static final int MAX_PARAMETERS = 16;
    /** The most assumptions of a spec. */
    public static final int MAX_ASSUMPTIONS = 32;
    /** The longest name of a spec (it becomes a class name and a label in every printer). */
    public static final int MAX_NAME_LENGTH = 64;
    /** The largest spec file read. */
    public static final long MAX_FILE_BYTES = 64 * 1024;
    /** The keys of a spec file. */
    private static final List<String> KEYS = List.of("name", "gradient", "param", "params", "assume", "anchor", "set");
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_|-]*");
    private static final java.util.regex.Pattern ANCHOR = java.util.regex.Pattern.compile("f\\s*\\((.*)\\)");

    private final SymbolicEngine engine;

    public SpecParser(SymbolicEngine engine) {
        this.engine = engine;
    }

    /** Parses a spec given as text fields. */
    public GradientSpec parse(SpecText t) {
        if (t.gradient() == null || t.gradient().isBlank()) {
            throw new ActlabException("no gradient given (" + ActlabException.field("gradient") + " 'x > 0 : ... ; x <= 0 : ...' or a named derivation)");
        }
        String name = name(t.name());
        List<String> params = names(t.params());
        Symbols symbols = new Symbols(params);
        ExpressionParser exprParser = new ExpressionParser(symbols, true);
        String[] pieceTexts = t.gradient().split(";", -1);
        if (pieceTexts.length > MAX_PIECES) {
            throw new ActlabException("a gradient has at most " + MAX_PIECES + " pieces, got " + pieceTexts.length);
        }
        List<GradientSpec.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < pieceTexts.length; i++) {
            String pieceText = pieceTexts[i];
            if (pieceText.isBlank()) {
                throw new ActlabException("piece " + (i + 1) + " of the gradient is empty (two ';' in a row, or a ';' at an end)");
            }
            int colon = pieceText.indexOf(':');
            if (colon < 0) {
                if (pieceTexts.length == 1) {
                    pieces.add(new GradientSpec.Piece(Interval.ALL, exprParser.parse(pieceText), pieceText.strip()));
                    continue;
                }
                throw new ActlabException("piece '" + Excerpt.of(pieceText) + "' has no condition: write 'CONDITION : EXPRESSION'");
            }
            Interval domain = condition(exprParser, pieceText.substring(0, colon));
            String exprText = pieceText.substring(colon + 1).strip();
            if (exprText.isEmpty()) {
                throw new ActlabException("piece '" + Excerpt.of(pieceText) + "' has no expression after ':'");
            }
            pieces.add(new GradientSpec.Piece(domain, exprParser.parse(exprText), exprText));
        }
        pieces = checkCoverage(pieces).stream().map(pc -> new GradientSpec.Piece(pc.domain(),
                engine.eval("read the gradient", pc.gradient()), pc.text())).toList();

        ExpressionParser paramParser = new ExpressionParser(symbols, false);
        List<ExpressionParser.Relation> assumptions = new ArrayList<>();
        for (String a : entries(t.assume(), ActlabException.field("assume"))) {
            for (String part : a.split("&&", -1)) {
                assumptions.add(paramParser.parseRelation(part));
            }
        }
        if (assumptions.size() > MAX_ASSUMPTIONS) {
            throw new ActlabException("at most " + MAX_ASSUMPTIONS + " assumptions, got " + assumptions.size());
        }
        BigFraction anchorX = BigFraction.ZERO;
        IExpr anchorY = F.C0;
        String anchorYText = "0";
        if (t.anchor() != null && !t.anchor().isBlank()) {
            String a = t.anchor().strip();
            int eq = a.indexOf('=');
            java.util.regex.Matcher lhs = eq < 0 ? null : ANCHOR.matcher(a.substring(0, eq).strip());
            if (lhs == null || !lhs.matches() || a.indexOf('=', eq + 1) >= 0) {
                throw new ActlabException("anchor '" + Excerpt.of(a) + "' must read f(X) = Y, e.g. f(0) = 0");
            }
            anchorX = constant(paramParser, lhs.group(1), "the anchor abscissa");
            anchorYText = a.substring(eq + 1).strip();
            anchorY = paramParser.parse(anchorYText);
        }
        Map<String, Double> values = values(t.set(), symbols);
        String source = "gradient: " + oneLine(t.gradient()) + (params.isEmpty() ? "" : "; param: " + String.join(",", params))
                + (assumptions.isEmpty() ? "" : "; assume: " + oneLine(t.assume()))
                + "; anchor: f(" + Interval.format(anchorX) + ") = " + oneLine(anchorYText);
        return new GradientSpec(name, symbols, pieces, assumptions, anchorX, anchorY, values, source,
                new SpecText(t.name(), t.gradient(), t.params(), t.assume(), t.anchor(), null));
    }

    /** The spec's name, checked: it becomes a class name and a label in code, LaTeX and tables. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return "custom";
        }
        String n = name.strip();
        if (n.length() > MAX_NAME_LENGTH || !NAME.matcher(n).matches()) {
            throw new ActlabException("the spec name '" + Excerpt.of(n) + "' must be a letter followed by at most "
                    + (MAX_NAME_LENGTH - 1) + " letters, digits, '_', '-' or '|'");
        }
        return n;
    }

    /** Parameter names from {@code a,b,c}: blank is none; empty entries are an error. */
    private static List<String> names(String text) {
        List<String> out = entries(text, ActlabException.field("param"));
        if (out.size() > MAX_PARAMETERS) {
            throw new ActlabException("at most " + MAX_PARAMETERS + " parameters, got " + out.size());
        }
        for (String n : out) {
            if (n.length() > MAX_NAME_LENGTH) {
                throw new ActlabException("parameter name '" + Excerpt.of(n) + "' is longer than " + MAX_NAME_LENGTH + " characters");
            }
        }
        return out;
    }

    /** Comma-separated entries (commas inside parentheses do not split); blank text is none, an empty entry an error. */
    private static List<String> entries(String text, String what) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> parts = splitTopLevel(text);
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).isBlank()) {
                throw new ActlabException(what + ": entry " + (i + 1) + " of '" + Excerpt.of(text) + "' is empty");
            }
        }
        return parts.stream().map(String::strip).toList();
    }

    /** SpecText for provenance lines and code comments: on one line. */
    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /**
     * Reads a spec file: JSON ({@code .json}) or text lines {@code key: value} with the keys of {@link SpecText}.
     * A non-null {@code set} replaces the file's parameter values. At most {@link #MAX_FILE_BYTES} bytes;
     * errors give line numbers, never the file's content.
     */
    public GradientSpec parseFile(Path file, String set) {
        String content = InputFiles.readText(file, MAX_FILE_BYTES, "spec file");
        Map<String, String> fields = new LinkedHashMap<>();
        if (file.toString().endsWith(".json")) {
            JsonNode root = InputFiles.readJson(content, "spec file " + file);
            if (!root.isObject()) {
                throw new ActlabException("spec file " + file + " must hold a JSON object");
            }
            var it = root.fields();
            while (it.hasNext()) {
                var en = it.next();
                checkKey(en.getKey(), file, null);
                JsonNode v = en.getValue();
                String value;
                if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    for (JsonNode n : v) {
                        parts.add(scalar(n, en.getKey(), file));
                    }
                    value = String.join(en.getKey().equals("gradient") ? ";" : ",", parts);
                } else if (v.isObject()) {
                    List<String> parts = new ArrayList<>();
                    var kv = v.fields();
                    while (kv.hasNext()) {
                        var e = kv.next();
                        parts.add(e.getKey() + "=" + scalar(e.getValue(), en.getKey(), file));
                    }
                    value = String.join(",", parts);
                } else {
                    value = scalar(v, en.getKey(), file);
                }
                fields.put(en.getKey(), value);
            }
        } else {
            String[] lines = content.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon < 0) {
                    throw new ActlabException("spec file " + file + ", line " + (i + 1) + ": not 'key: value'");
                }
                String key = l.substring(0, colon).strip();
                checkKey(key, file, i + 1);
                String value = l.substring(colon + 1).strip();
                String before = fields.get(key);
                if (before != null && !key.equals("gradient") && !key.equals("assume") && !key.startsWith("param")
                        && !key.equals("set")) {
                    throw new ActlabException("spec file " + file + ", line " + (i + 1) + ": '" + key + "' is given twice");
                }
                fields.put(key, before == null ? value : before + (key.equals("gradient") ? " ; " : ", ") + value);
            }
        }
        if (fields.containsKey("param") && fields.containsKey("params")) {
            throw new ActlabException("spec file " + file + " gives both 'param' and 'params'");
        }
        return parse(new SpecText(fields.get("name"), fields.get("gradient"),
                fields.getOrDefault("param", fields.get("params")), fields.get("assume"), fields.get("anchor"),
                set != null ? set : fields.get("set")));
    }

    private static void checkKey(String key, Path file, Integer line) {
        if (!KEYS.contains(key)) {
            String shown = key.matches("[A-Za-z_]{1,20}") ? " '" + key + "'" : "";
            throw new ActlabException("spec file " + file + (line == null ? "" : ", line " + line) + ": unknown key" + shown
                    + " (keys: name, gradient, param, assume, anchor, set)");
        }
    }

    private static String scalar(JsonNode n, String key, Path file) {
        if (!n.isValueNode()) {
            throw new ActlabException("spec file " + file + ": the entries of '" + key + "' must be strings or numbers");
        }
        return n.asText();
    }

    /** Parses {@code name=value,...}, checking every name is a parameter. */
    static Map<String, Double> values(String set, Symbols symbols) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (set == null || set.isBlank()) {
            return values;
        }
        for (String kv : set.split(",", -1)) {
            String[] parts = kv.split("=", 2);
            if (parts.length != 2) {
                throw new ActlabException(ActlabException.field("set") + " takes name=value pairs, got '" + Excerpt.of(kv) + "'");
            }
            String name = parts[0].strip();
            if (symbols.parameter(name) == null) {
                throw new ActlabException(ActlabException.field("set") + " names '" + Excerpt.of(name) + "', which is not a parameter (parameters: "
                        + (symbols.parameterNames().isEmpty() ? "none" : String.join(", ", symbols.parameterNames())) + ")");
            }
            double v = Numbers.parse(parts[1].strip(), ActlabException.field("set") + " " + name);
            if (!Double.isFinite(v)) {
                throw new ActlabException(ActlabException.field("set") + " " + name + ": a parameter value must be a finite number, got " + Numbers.format(v));
            }
            if (values.put(name, v) != null) {
                throw new ActlabException(ActlabException.field("set") + " gives '" + name + "' twice");
            }
        }
        return values;
    }

    private Interval condition(ExpressionParser parser, String text) {
        Interval interval = Interval.ALL;
        for (ExpressionParser.Relation r : parser.parseConjunction(text)) {
            interval = interval.intersect(bound(parser, r));
        }
        if (interval.isEmpty()) {
            throw new ActlabException("condition '" + Excerpt.of(text) + "' holds for no x");
        }
        return interval;
    }

    private Interval bound(ExpressionParser parser, ExpressionParser.Relation r) {
        boolean xLeft = r.lhs().equals(parser.symbols().x());
        boolean xRight = r.rhs().equals(parser.symbols().x());
        if (xLeft == xRight) {
            throw new ActlabException("condition '" + Excerpt.of(r.text()) + "' must compare x with a number (x > 2, x <= -1)");
        }
        BigFraction c = constant(xLeft ? r.rhs() : r.lhs(), "'" + Excerpt.of(r.text()) + "'");
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
            default -> throw new ActlabException("condition '" + Excerpt.of(r.text())
                    + "' is a single point; a piece must be an interval (x > a, x <= b, a <= x && x < b)");
        };
    }

    private BigFraction constant(ExpressionParser parser, String text, String what) {
        return constant(parser.parse(text), what + " '" + Excerpt.of(text) + "'");
    }

    private BigFraction constant(IExpr e, String context) {
        IExpr v = engine.eval("read a number", e);
        if (!v.isRational()) {
            throw new ActlabException("in " + context + ": the bound must be a rational number (like 2, -1.5 or 1/3)");
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
        return out;
    }
}
