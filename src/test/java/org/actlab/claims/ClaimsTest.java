package org.actlab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    @Test
    void everyClaimPassesWithNumbers() {
        for (Claim c : ClaimRegistry.all()) {
            Outcome o = c.check();
            assertEquals(Outcome.Status.PASS, o.status(), c.id() + ": " + o.measurements());
            assertFalse(o.measurements().isEmpty(), c.id());
            assertFalse(c.statement().isBlank());
            assertFalse(c.method().isBlank());
        }
    }

    @Test
    void idsAreUniqueAndSelectable() {
        Set<String> ids = new HashSet<>();
        for (Claim c : ClaimRegistry.all()) {
            assertTrue(ids.add(c.id()), "duplicate " + c.id());
        }
        assertEquals("polycom.lemma1", ClaimRegistry.select(List.of("polycom.lemma1")).get(0).id());
        ActlabException e = assertThrows(ActlabException.class, () -> ClaimRegistry.select(List.of("nope")));
        assertTrue(e.getMessage().contains("xielu.properties"));
    }

    @Test
    void xieluClaimMeasuresThePapersFacts() {
        Outcome o = new XieluPropertiesClaim().check();
        Measurement xStar = o.measurements().stream().filter(m -> m.name().startsWith("[α_p=0.8, α_n=0.8, β=0.5] argmin"))
                .findFirst().orElseThrow();
        // x* = ln(1 − 0.5/0.8) = ln(0.375); Brent resolution for this set is about 1e-7
        assertEquals(Math.log(0.375), xStar.value(), 1e-7);
        Measurement jump = o.measurements().stream().filter(m -> m.name().equals("[α_p=0.8, α_n=0.8, β=0.5] jump of f'' at 0"))
                .findFirst().orElseThrow();
        assertEquals(0.8, jump.value(), 1e-15);
    }

    @Test
    void aFailedMeasurementFailsTheOutcome() {
        Outcome bad = Outcome.of("x", "s", List.of(new Measurement("m", 1, "≤ 0", false)), 0);
        assertEquals(Outcome.Status.FAIL, bad.status());
        assertEquals(Outcome.Status.FAIL, Outcome.of("x", "s", List.of(), 0).status());
    }
}
