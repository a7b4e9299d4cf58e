package org.actlab;

/**
 * A user error: bad input, a violated constraint, an impossible request. Its message is one line a
 * user can act on (what was wrong and what is accepted). The CLI maps it to exit code 2 and prints
 * no stack trace; anything else that escapes is a bug and exits with 1.
 */
public class ActlabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActlabException(String message) {
        super(message);
    }

    public ActlabException(String message, Throwable cause) {
        super(message, cause);
    }
}
