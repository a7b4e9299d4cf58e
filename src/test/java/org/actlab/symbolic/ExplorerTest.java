package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;

class ExplorerTest {
    private final Explorer explorer = new Explorer(SymbolicEngine.standard());

    @Test
    void rediscoversXieluAndReluSquared() {
        List<Explorer.Candidate> ranked = explorer.explore(Explorer.bases("zero,const,x,elu"),
                List.of("C1", "f(0)=0", "grows-superlinearly"), "alpha_p > 0", null);
        Map<String, Explorer.Candidate> found = Explorer.rediscoveries(ranked);
        assertEquals("elu|x", found.get("xielu").name());
        assertEquals("zero|x", found.get("relu2").name());
        // xIELU's α_p is the template's α_p/2 (g = 2α_p·x + β): the fit gives 1.6 for the defaults (0.8, 0.8, 0.5)
        Explorer.Match xielu = found.get("xielu").matches().stream().filter(m -> m.name().equals("xielu")).findFirst().orElseThrow();
        assertEquals(Map.of("alpha_p", 1.6, "alpha_n", 0.8, "beta", 0.5), xielu.parameters());
        Explorer.Candidate eluX = found.get("xielu");
        assertEquals(Explorer.Status.ALWAYS, eluX.verdicts().get("C1").status());
        assertEquals(Explorer.Status.SOMETIMES, eluX.verdicts().get("negative-gradient-flow").status());
        assertEquals("β - α_n < 0", org.actlab.symbolic.print.ExplorePrinter.condition(eluX.verdicts().get("negative-gradient-flow"),
                eluX.derivation().spec().symbols()));
        assertEquals(Explorer.Status.ALWAYS, eluX.verdicts().get("grows-superlinearly").status());
    }

    @Test
    void requiredPropertiesFilter() {
        List<Explorer.Candidate> ranked = explorer.explore(Explorer.bases("zero,const,x,elu"),
                List.of("C1", "f(0)=0", "negative-gradient-flow", "grows-superlinearly"), "alpha_p > 0, beta > 0", null);
        // with β > 0 the zero base gives f'(−∞) = β > 0: no negative gradient flow, so relu2's family (zero|x) drops out
        assertTrue(ranked.stream().noneMatch(c -> c.name().equals("zero|x")));
        assertTrue(ranked.stream().anyMatch(c -> c.name().equals("elu|x")));
        // constant gradient on x > 0 never grows superlinearly
        assertTrue(ranked.stream().noneMatch(c -> c.right().name().equals("const") || c.right().name().equals("zero")));
    }

    @Test
    void unknownNamesAreUsageErrors() {
        assertThrows(ActlabException.class, () -> Explorer.bases("x,cosine"));
        assertThrows(ActlabException.class, () -> explorer.explore(Explorer.bases("x"), List.of("pretty"), "", null));
    }
}
