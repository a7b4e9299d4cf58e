package org.actlab;

import java.util.function.UnaryOperator;

/**
 * A user error: bad input, a violated constraint, an impossible request. Its message is one line a
 * user can act on (what was wrong and what is accepted). The CLI maps it to exit code 2 and prints
 * no stack trace; anything else that escapes is a bug and exits with 1.
 *
 * <p>A message names the input it is about with {@link #field}: the library's
 * {@link #getMessage()} shows the field's name in quotes ({@code 'coeffs'}), and the CLI
 * {@linkplain #render renders} it as the flag the user typed ({@code --coeffs}), so no library class
 * needs to know the command line.
 */
public class ActlabException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Brackets a field name inside a message; a control character, so no user text (shown through {@code Excerpt}) has it. */
    private static final char MARK = '\u0001';

    public ActlabException(String message) {
        super(message);
    }

    public ActlabException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A reference to the input field {@code name} inside a message. */
    public static String field(String name) {
        return MARK + name + MARK;
    }

    /** The message with every field reference shown as {@code 'name'}. */
    @Override
    public String getMessage() {
        return render(name -> "'" + name + "'");
    }

    /** The message with every field reference shown as {@code fieldName.apply(name)} (the CLI: {@code --name}). */
    public String render(UnaryOperator<String> fieldName) {
        String m = super.getMessage();
        if (m == null || m.indexOf(MARK) < 0) {
            return m;
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (true) {
            int open = m.indexOf(MARK, at);
            int close = open < 0 ? -1 : m.indexOf(MARK, open + 1);
            if (close < 0) {
                return b.append(m, at, m.length()).toString();
            }
            b.append(m, at, open).append(fieldName.apply(m.substring(open + 1, close)));
            at = close + 1;
        }
    }
}
