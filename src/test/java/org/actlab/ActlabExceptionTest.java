package org.actlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A library message names its fields; the CLI renders them as flags. Exact strings, no tolerance. */
class ActlabExceptionTest {
    @Test
    void fieldsRenderAsNamesInTheLibraryAndAsFlagsInTheCli() {
        ActlabException e = new ActlabException(ActlabException.field("coeffs") + " applies to "
                + ActlabException.field("target") + " polyrelu only");
        assertEquals("'coeffs' applies to 'target' polyrelu only", e.getMessage());
        assertEquals("--coeffs applies to --target polyrelu only", e.render(f -> "--" + f));
    }

    @Test
    void aMessageWithoutFieldsIsUnchanged() {
        assertEquals("plain {text} with braces", new ActlabException("plain {text} with braces").render(f -> "--" + f));
        assertEquals("plain", new ActlabException("plain").getMessage());
    }
}
