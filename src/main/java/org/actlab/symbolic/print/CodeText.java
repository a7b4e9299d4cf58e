package org.actlab.symbolic.print;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;

/**
 * How user text goes into emitted code and documents: identifiers that are never keywords, builtins or
 * the emitted code's own names (renamed with a trailing {@code _}), and comments, docstrings and
 * string literals that user text cannot leave. Every printer calls these; none pastes user text
 * directly.
 */
public final class CodeText {
    private CodeText() {
    }

    /** Java's reserved words, literals and contextual keywords. */
    static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null", "var", "yield", "record", "sealed", "permits", "when", "module", "open", "exports", "requires", "_");

    /** Simple names an emitted Java class refers to (imports and java.lang): its own name must differ. */
    static final Set<String> JAVA_TAKEN = Set.of("List", "Parameter", "ParameterValues", "ScalarActivation",
            "SpecialFunctions", "Derivative", "Erf", "FastMath", "Math", "Double", "String", "Object", "Override",
            "SuppressWarnings", "Integer", "Long", "Boolean", "Character", "Byte", "Short", "Float", "Number", "System",
            "Class", "Enum", "Record", "Void", "Iterable", "Runtime", "Thread", "Exception", "RuntimeException", "Error",
            "Throwable", "StrictMath", "Deprecated", "FunctionalInterface", "SafeVarargs", "Comparable", "CharSequence");

    /** Python's keywords and soft keywords. */
    static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield", "match", "case", "type", "_");

    /** Python's builtins (3.11), which a parameter or class must not shadow. */
    static final Set<String> PYTHON_BUILTINS = Set.of("abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
            "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright",
            "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
            "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
            "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object",
            "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set",
            "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "vars", "zip", "__import__",
            "__name__", "__file__", "__doc__", "__builtins__", "__spec__", "__loader__", "__package__", "Ellipsis",
            "NotImplemented", "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
            "EOFError", "FloatingPointError", "ImportError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError",
            "MemoryError", "NameError", "NotImplementedError", "OSError", "OverflowError", "RecursionError",
            "ReferenceError", "RuntimeError", "StopIteration", "SyntaxError", "SystemExit", "TypeError", "ValueError",
            "ZeroDivisionError", "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning");

    /** Names the emitted PyTorch module itself uses. */
    static final Set<String> PYTORCH_TAKEN = Set.of("self", "torch", "nn", "F", "math", "dtype", "p", "softplus",
            "logcosh", "li2", "_inverse_softplus", "parameter_values", "forward", "training");

    private static final Pattern PYTHON_LOCAL = Pattern.compile("[xy][0-9]+");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** Whether {@code name} may be used as a Python identifier in the emitted module. */
    static boolean pythonSafe(String name) {
        return !PYTHON_KEYWORDS.contains(name) && !PYTHON_BUILTINS.contains(name) && !PYTORCH_TAKEN.contains(name)
                && !PYTHON_LOCAL.matcher(name).matches() && !name.startsWith("__");
    }

    /**
     * The Python identifier of each parameter name: the name itself, or with {@code _} appended until
     * it is neither a keyword, a builtin, a name of the module, nor another parameter's identifier.
     */
    static Map<String, String> pythonNames(Collection<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            String id = n;
            while (!pythonSafe(id) || out.containsValue(id) || (!id.equals(n) && names.contains(id))) {
                id = id + "_";
            }
            out.put(n, id);
        }
        return out;
    }

    /** A class name for Java that is not a keyword nor a name the emitted class uses. */
    static String javaClassName(String base) {
        return JAVA_KEYWORDS.contains(base) || JAVA_TAKEN.contains(base) ? base + "Activation" : base;
    }

    /** A class name for Python that is not a keyword, builtin or module name. */
    static String pythonClassName(String base) {
        return pythonSafe(base) ? base : base + "Activation";
    }

    /**
     * Checks a Java package name: dot-separated identifiers, none a keyword. The package is user text
     * pasted into the first line of the class, so anything else is refused.
     */
    public static void checkJavaPackage(String name) {
        if (name == null || name.length() > 200 || !JAVA_PACKAGE.matcher(name).matches()) {
            throw new ActlabException(ActlabException.field("package") + " must be a Java package name (identifiers separated by '.'), got '"
                    + Excerpt.of(name) + "'");
        }
        for (String part : name.split("\\.")) {
            if (JAVA_KEYWORDS.contains(part)) {
                throw new ActlabException(ActlabException.field("package") + ": '" + part + "' is a Java keyword and cannot be part of a package name");
            }
        }
    }

    /** Text inside a Java string literal: backslash, quote and line breaks escaped. */
    static String javaString(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /**
     * Text inside a Java (Javadoc) comment: on one line, {@code *}{@code /} broken, backslashes doubled (so no
     * Unicode escape such as {@code \u002a} can form), and {@code <}, {@code >}, {@code &} as HTML entities.
     */
    static String javaComment(String s) {
        return oneLine(s).replace("&", "&amp;").replace("\\", "\\\\").replace("*/", "* /").replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** Text after {@code #} in Python: on one line. */
    static String pythonComment(String s) {
        return oneLine(s);
    }

    /** Text inside a Python {@code """} docstring: backslashes doubled and quotes escaped. */
    static String pythonDocstring(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Text inside a Python double-quoted string literal. */
    static String pythonString(String s) {
        return javaString(s);
    }

    /** Text after {@code %} in LaTeX: on one line. */
    static String latexComment(String s) {
        return oneLine(s);
    }

    /** Text set in LaTeX text mode: the special characters escaped. */
    public static String latexText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : oneLine(s).toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '_', '%' -> b.append('\\').append(c);
                case '^' -> b.append("\\textasciicircum{}");
                case '~' -> b.append("\\textasciitilde{}");
                case '|' -> b.append("\\textbar{}");
                case '<' -> b.append("\\textless{}");
                case '>' -> b.append("\\textgreater{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Text in a Markdown table cell: on one line, {@code |} and the emphasis and code marks escaped. */
    public static String markdownCell(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : oneLine(s).toCharArray()) {
            if ("|\\`*_[]<>#".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled; a
     * field that a spreadsheet would run as a formula ({@code = + - @} first, not a number) gets a
     * leading {@code '}.
     */
    public static String csvField(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Control characters (line breaks included) as spaces, runs of white space as one. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c);
        }
        return b.toString().replaceAll(" {2,}", " ").strip();
    }

    /** For tests: every set of reserved names, so each can be exercised. */
    static List<Set<String>> reservedSets() {
        return List.of(JAVA_KEYWORDS, PYTHON_KEYWORDS, PYTHON_BUILTINS, PYTORCH_TAKEN);
    }
}
