package org.actlab.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.approx.Approximation;
import org.actlab.approx.Approximations;
import org.actlab.approx.Certificate;
import org.actlab.polynomial.Target;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.DerivedInputs;
import org.actlab.gpu.api.Difference;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.gpu.api.HarnessLoader;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.gpu.api.NetworkCheck;
import org.actlab.network.Approximates;
import org.actlab.network.Layer;
import org.actlab.network.Network;
import org.actlab.network.NetworkJson;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness beyond what the nd4j claims check (defaults, named derivations, the catalogue layers, the
 * Lemma 2 / Theorem 2 networks): other parameter values, activations typed as gradient specs, a trainable
 * derived layer, and the network checks' refusals. Tolerance: validate's, 1e-13 in units of the term size
 * (see CatalogueCheck.TOLERANCE for why).
 */
class HarnessTest {
    private static final GpuHarness H = HarnessLoader.harness();
    private static final SymbolicEngine ENGINE = SymbolicEngine.standard();

    private static void assertAgrees(ActivationCheck c) {
        for (Difference d : c.differences()) {
            assertTrue(d.worst() <= CatalogueCheck.TOLERANCE, c.name() + " " + c.parameters() + ": " + d);
        }
        assertTrue(c.passed(), c.name());
    }

    @Test
    void backendIsNamed() {
        assertTrue(H.backend().startsWith("ND4J 1.0.0-M2.1") && H.backend().contains("DOUBLE"), H.backend());
    }

    @Test
    void catalogueActivationsAgreeAtOtherParameters() {
        Object[][] cases = {{"prelu", Map.of("a", new double[] {-0.3})}, {"elu", Map.of("alpha", new double[] {2.5})},
            // β = 0 leaves xIELU's negative branch α(expm1(x) − x) alone: cancellation next to 0, which T must carry
            {"xielu", Map.of("beta", new double[] {0.0}, "alpha_n", new double[] {1.3})},
            {"polyrelu", Map.of("coeffs", new double[] {0.5, -1.5, 2, -0.75, 0.25, -0.05, 0.01})},
            {"softplus", Map.of("beta", new double[] {3}, "threshold", new double[] {10})},
            {"relu-power", Map.of("k", new double[] {5})}, {"xsilu", Map.of("alpha", new double[] {1.2})},
            {"polynorm", Map.of("coeffs", new double[] {0.1, 1, -0.5, 0.25, 0.2, -0.1}, "eps", new double[] {0})}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, double[]> p = (Map<String, double[]>) c[1];
            assertAgrees(H.checkActivation((String) c[0], p, 1 << 13, 5));
        }
    }

    private static DerivedInput custom(String gradient, String params, String assume, String set) {
        return DerivedInputs.of(new SpecParser(ENGINE).parse(new SpecText("custom", gradient, params, assume, null, set)), ENGINE);
    }

    @Test
    void activationsTypedAsGradientsCompileAndAgree() {
        List<DerivedInput> specs = List.of(
                custom("x > 1 : b ; x <= 1 && x > -2 : x^2*b ; x <= -2 : 4*b*exp(x + 2)", "b", "b > 0", "b=0.7"),
                // its integral holds Li2(−e^x): the dilogarithm compiled from ND4J operations
                custom("softplus(x) + c*tanh(x)", "c", "", "c=-0.4"),
                custom("x > 0 : erf(x) + a ; x <= 0 : a*exp(x)", "a", "a > 0", "a=1.5"));
        for (DerivedInput d : specs) {
            ActivationCheck c = H.checkDerived(d, ENGINE, 1 << 12, 6, 11);
            assertAgrees(c);
            assertTrue(c.differences().stream().anyMatch(x -> x.quantity().startsWith("f' vs g")), "held to the gradient as written");
        }
    }

    @Test
    void aGradientWithoutClosedFormIsRefused() {
        ActlabException e = assertThrows(ActlabException.class, () -> custom("exp(-x^2)*sigmoid(x)", "", "", null));
        assertTrue(e.getMessage().contains("closed form"), e.getMessage());
    }

    @Test
    void aTrainableDerivedActivationPassesEveryLayerCheck() {
        DerivedInput d = custom("x > 0 : 2*a*x + 1 ; x <= 0 : exp(x)", "a", "a > 0", "a=0.4");
        List<LayerCheck> checks = H.checkLayers(List.of(d), false, 3);
        assertEquals(4, checks.size());
        for (LayerCheck l : checks) {
            assertTrue(l.passed(), l.toString());
        }
    }

    private static Path save(Path dir, String name, Network net, Certificate c) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, NetworkJson.write(net, new Approximates.OneInput(c.target(), c.a(), c.b(), c.certifiedError(), c.exact(),
                c.float64Bound(), c.method(), "test")));
        return p;
    }

    @Test
    void networksAreHeldToTheirCertificates(@TempDir Path dir) throws Exception {
        Approximation a = Approximations.build(Target.power(3), -1, 1, 1e-4, Approximations.Method.DEEP);
        Path good = save(dir, "cube.json", a.network(), a.certificate());
        // a file edited after saving: the output bias moved by three certified errors
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(good.toFile());
        com.fasterxml.jackson.databind.JsonNode layers = root.get("layers");
        com.fasterxml.jackson.databind.node.ArrayNode bias = (com.fasterxml.jackson.databind.node.ArrayNode) layers.get(layers.size() - 1).get("bias");
        bias.set(0, bias.get(0).asDouble() + 3 * a.certificate().certifiedError());
        Path edited = dir.resolve("cube-edited.json");
        Files.writeString(edited, m.writeValueAsString(root));
        // a network saved with a certificate that is not its own (its digest is right)
        List<Layer> moved = new java.util.ArrayList<>(a.network().layers());
        Layer last = moved.get(moved.size() - 1);
        double[] b = last.bias().clone();
        b[0] += 3 * a.certificate().certifiedError();
        moved.set(moved.size() - 1, new Layer(last.weights(), b, last.activation()));
        Path wrong = save(dir, "cube-wrong-certificate.json", new Network(1, moved), a.certificate());
        List<NetworkCheck> r = H.checkNetworks(List.of(good, edited, wrong), 100_000);
        assertTrue(r.get(0).passed(), r.get(0).verdict());
        assertTrue(r.get(0).sampledError() <= r.get(0).float64Bound());
        for (NetworkCheck bad : r.subList(1, 3)) {
            assertFalse(bad.passed(), bad.verdict());
            assertTrue(bad.sampledError() > bad.float64Bound(), bad.verdict());
        }
        assertTrue(r.get(1).verdict().contains("SHA-256"), r.get(1).verdict());
        assertFalse(r.get(2).verdict().contains("SHA-256"), r.get(2).verdict());
    }

    @Test
    void networksThatCannotBeCheckedAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Approximation a = Approximations.build(Target.square(), 0, 1, 1e-3, Approximations.Method.DEEP);
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, NetworkJson.write(a.network()));
        Path good = save(dir, "square.json", a.network(), a.certificate());
        ActlabException none = assertThrows(ActlabException.class, () -> H.checkNetworks(List.of(good, plain), 1000));
        assertTrue(none.getMessage().contains("records nothing"), none.getMessage());
        ActlabException big = assertThrows(ActlabException.class, () -> H.checkNetworks(List.of(good), 1_000_000_000L));
        // the library names the field; the CLI renders it as the flag --points
        assertTrue(big.getMessage().contains("give fewer 'points'"), big.getMessage());
    }
}
