package org.actlab.claims;

import java.util.List;

/**
 * A statement of a paper that actlab lists but cannot check here, with the reason: the report shows
 * the whole paper, and {@code verify} never counts these as passed or failed.
 *
 * @param id        the claim id
 * @param statement the statement, in words
 * @param reason    why it is not checked here
 */
public record OutOfScopeClaim(String id, String statement, String reason) implements Claim {
    @Override
    public String method() {
        return "not checked: " + reason;
    }

    @Override
    public Outcome check() {
        return new Outcome(id, Outcome.Status.OUT_OF_SCOPE, reason, List.of(), 0);
    }
}
