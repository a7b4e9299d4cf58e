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
        int outOfScope = 0;
        int measured = 0;
        for (Claim c : ClaimRegistry.all()) {
            if (c instanceof SmallTrainingClaim t) {
                // the training analogues with 2 seeds here (reproduce runs 5): no verdict, but every number and the records
                Outcome o = t.withSeeds(2).check();
                assertEquals(Outcome.Status.MEASURED, o.status(), c.id());
                assertFalse(o.evidence().isEmpty(), c.id());
                var comparison = (org.actlab.training.TrainingComparison) o.evidence().get(0);
                // one row per activation, each over both seeds, and the ordering stated as 1 or 0
                assertEquals(comparison.rows().size() + 1, o.measurements().size(), c.id());
                comparison.rows().forEach(r -> assertEquals(2, r.seeds()));
                double held = o.measurements().get(o.measurements().size() - 1).value();
                assertTrue(held == 0 || held == 1, c.id());
                measured++;
                continue;
            }
            Outcome o = c.check();
            assertFalse(c.statement().isBlank());
            assertFalse(c.method().isBlank());
            if (c instanceof OutOfScopeClaim) {
                // listed with its reason, never run, never counted as passed
                assertEquals(Outcome.Status.OUT_OF_SCOPE, o.status(), c.id());
                assertFalse(o.summary().isBlank(), c.id());
                outOfScope++;
                continue;
            }
            assertEquals(Outcome.Status.PASS, o.status(), c.id() + ": " + o.measurements());
            assertFalse(o.measurements().isEmpty(), c.id());
        }
        // the language-model training results of both papers, and their small-scale analogues
        assertEquals(2, outOfScope);
        assertEquals(2, measured);
    }

    @Test
    void quickFormsSayWhatTheyLeaveOut() {
        Set<String> shortened = new HashSet<>();
        for (Claim c : ClaimRegistry.all()) {
            assertEquals("", c.shortened(), c.id() + ": the full form leaves nothing out");
            Claim q = c.quick();
            assertEquals(c.id(), q.id());
            assertEquals(c.usesHarness(), q.usesHarness(), c.id());
            if (q != c) {
                assertFalse(q.shortened().isBlank(), c.id());
                assertFalse(q.method().equals(c.method()), c.id() + ": the method describes the shortened check");
                shortened.add(c.id());
            }
        }
        assertEquals(Set.of("polycom.theorem3", "nd4j.catalogue-agreement", "nd4j.network-recheck", "xielu.training-small",
                "polycom.training-small"), shortened);
        // the shortened Sobolev set still spans the decades and ReLU points that the claim's criteria need
        Outcome o = new PolycomTheorem3Claim().quick().check();
        assertEquals(Outcome.Status.PASS, o.status(), o.measurements().toString());
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
    void referenceMatchClaimsMeasureTheClampAndTheReversedWeights() {
        Outcome x = new XieluReferenceMatchClaim().check();
        // on (eps, 0] the reference is (expm1(eps) − x)α_n + βx against (expm1(x) − x)α_n + βx: the gap
        // α_n·|expm1(eps)| at x = 0, computed from the same two doubles, so 8 u relative is ample
        Measurement gap = x.measurements().stream().filter(m -> m.name().contains("on (eps, 0]: largest")).findFirst().orElseThrow();
        assertEquals(0.8 * -Math.expm1(-1e-6), gap.value(), 8 * Math.ulp(1e-6));
        Outcome p = new PolynormReferenceMatchClaim().check();
        assertEquals(Outcome.Status.PASS, p.status());
        // 3 dimensions × 2 comparisons + 1 PolyReLU comparison, for 2 coefficient sets
        assertEquals(14, p.measurements().size());
    }

    @Test
    void aFailedMeasurementFailsTheOutcome() {
        Outcome bad = Outcome.of("x", "s", List.of(new Measurement("m", 1, "≤ 0", false)), 0);
        assertEquals(Outcome.Status.FAIL, bad.status());
        assertEquals(Outcome.Status.FAIL, Outcome.of("x", "s", List.of(), 0).status());
    }
}
