package org.actlab.io;

/**
 * User text as it may appear inside an error message: on one line, and at most {@link #MAX_CHARS}
 * characters of it, so an error never echoes a 100 000-character input (or a file that is not what was
 * asked for) back in full.
 */
public final class Excerpt {
    /** The most characters of user text an error message quotes. */
    public static final int MAX_CHARS = 60;

    private Excerpt() {
    }

    /**
     * {@code text} with line breaks and other control characters shown as spaces, cut to
     * {@link #MAX_CHARS} characters with {@code … (N characters)} appended when longer.
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        int n = s.length();
        String head = n > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
        StringBuilder b = new StringBuilder(head.length() + 24);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (n > MAX_CHARS) {
            b.append("… (").append(n).append(" characters)");
        }
        return b.toString();
    }

    /**
     * A message made safe to print as one line: control characters as spaces, and at most
     * {@code max} characters (the rest replaced by {@code …}).
     */
    public static String line(String message, int max) {
        String s = message == null ? "" : message;
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 1);
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > max) {
            b.append('…');
        }
        return b.toString();
    }
}
