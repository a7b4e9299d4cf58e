package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.symbolic.print.JavaEmitter;
import org.actlab.symbolic.print.PyTorchEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java source emitted for a derivation compiles, and the compiled class computes the catalogue's
 * numbers: values, f′ and f″ (automatic differentiation of the emitted generic formula) on a grid.
 */
class EmittedCodeTest {
    private static final SymbolicEngine ENGINE = SymbolicEngine.standard();

    private static Derivation named(String name) {
        return new Deriver(ENGINE).derive(new SpecParser(ENGINE).parse(NamedDerivations.get(name).text()));
    }

    private static ScalarActivation compile(Path dir, String name) throws Exception {
        Derivation d = named(name);
        String source = JavaEmitter.emit(d, ENGINE, "generated", NamedDerivations.get(name).defaults());
        String cls = source.substring(source.indexOf("public final class ") + 19, source.indexOf(" extends"));
        Path file = dir.resolve("generated").resolve(cls + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                dir.toString(), file.toString());
        assertEquals(0, rc, "the emitted source compiles:\n" + source);
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, EmittedCodeTest.class.getClassLoader());
        return (ScalarActivation) loader.loadClass("generated." + cls).getConstructor().newInstance();
    }

    /**
     * The emitted and the catalogue formulas are the same terms summed in a possibly different order,
     * each term computed with the same library functions, so they differ by a few ulps of the largest
     * term: held to 1e-12 relative to max(|value|, largest term). The term sizes below bound those terms:
     * for x > 0 the polynomial branch (|x|³ + x² + |x| and its derivatives), for x ≤ 0 the ELU-integral
     * branch (|expm1 x| + |x|, bounded by 1 + |x|), each times the largest parameter P; for the smooth
     * activations (x·σ(x), x·Φ(x), σ, softplus) 1 + |x|.
     */
    private static void agree(ScalarActivation emitted, ScalarActivation catalogue, String name, double[] scale) {
        for (double x = -40; x <= 40; x += 0.0625 + 1e-3) {
            check(emitted, catalogue, name, x, scale);
        }
        for (double x : new double[] {-1e-8, -1e-5, -1e-3, 0, 1e-8, 1e-5, 1e-3, -700, 700, -1e4}) {
            check(emitted, catalogue, name, x, scale);
        }
    }

    private static void check(ScalarActivation emitted, ScalarActivation catalogue, String name, double x, double[] p) {
        double[] a = emitted.derivatives(x);
        double[] b = catalogue.derivatives(x);
        double ax = Math.abs(x);
        double[] terms;
        if (p.length == 0) {
            terms = new double[] {1 + ax, 1 + ax, 1 + ax};
        } else if (x > 0) {
            terms = new double[] {p[0] * (ax * ax * ax + ax * ax + ax), p[0] * (3 * ax * ax + 2 * ax + 1), p[0] * (6 * ax + 2)};
        } else {
            double em = Math.abs(Math.expm1(x));
            terms = new double[] {p[0] * (em + 2 * ax), p[0] * (em + 2), p[0] * (em + 2)};
        }
        for (int k = 0; k < 3; k++) {
            double tol = 1e-12 * Math.max(Math.abs(b[k]), terms[k]);
            assertEquals(b[k], a[k], tol, name + " f^(" + k + ")(" + x + ")");
        }
    }

    @Test
    void derivedXieluIeluAndXipreluMatchTheCatalogue(@TempDir Path dir) throws Exception {
        agree(compile(dir, "xielu"), (ScalarActivation) Catalogue.create("xielu", Map.of()), "xielu", new double[] {0.8});
        agree(compile(dir, "ielu"), (ScalarActivation) Catalogue.create("ielu", Map.of()), "ielu", new double[] {1});
        agree(compile(dir, "xiprelu"), (ScalarActivation) Catalogue.create("xiprelu", Map.of()), "xiprelu", new double[] {0.8});
    }

    @Test
    void derivedXiepAndReluSquaredMatchTheCatalogue(@TempDir Path dir) throws Exception {
        agree(compile(dir, "xiep"), (ScalarActivation) Catalogue.create("xiep", Map.of()), "xiep", new double[] {0.8});
        agree(compile(dir, "relu2"), (ScalarActivation) Catalogue.create("relu-power", Map.of()), "relu2", new double[] {1});
    }

    @Test
    void derivedSmoothActivationsMatchTheCatalogueInTheirTails(@TempDir Path dir) throws Exception {
        // the stable forms matter here: 1 − σ(−x), x + log(1 + e^{−x}) and x/2 + x·erf(x/√2)/2 cancel
        // completely for x → −∞; emitted as σ(x), softplus(x) and x·erfc(−x/√2)/2 they keep full accuracy
        for (String name : new String[] {"silu", "gelu", "sigmoid"}) {
            agree(compile(dir, name), (ScalarActivation) Catalogue.create(name, Map.of()), name, new double[0]);
        }
        // the derived softplus is the exact log(1 + eˣ); the catalogue's default follows PyTorch (f = x above
        // threshold 20, 2e-9 away), so it is compared with the catalogue's exact setting (threshold 700: beyond
        // x = 37, log(1 + eˣ) rounds to x anyway)
        agree(compile(dir, "softplus"), (ScalarActivation) Catalogue.create("softplus",
                Map.of("threshold", new double[] {700})), "softplus", new double[0]);
    }

    @Test
    void theEmittedClassUsesStableForms() throws IOException {
        String source = JavaEmitter.emit(named("xielu"), ENGINE, "generated", Map.of());
        assertTrue(source.contains("Math.expm1(x)") && source.contains("x.expm1()"), source);
        assertTrue(!source.contains("Math.exp(x)"), "eˣ − 1 is written expm1, so no cancellation near 0");
    }

    @Test
    void pytorchRefusesClosedFormsItCannotEvaluate() {
        // ∫ softplus = −Li₂(−eˣ) − π²/12: PyTorch has no dilogarithm, so no module is written
        Derivation d = new Deriver(ENGINE).derive(new SpecParser(ENGINE).parse(
                new SpecText("isp", "softplus(x)", "", "", null, null)));
        org.actlab.ActlabException e = org.junit.jupiter.api.Assertions.assertThrows(org.actlab.ActlabException.class,
                () -> PyTorchEmitter.emit(d, ENGINE, Map.of()));
        assertTrue(e.getMessage().contains("dilogarithm"), e.getMessage());
    }

    @Test
    void pytorchModuleUsesTheReferenceReparameterisation() {
        String py = PyTorchEmitter.emit(named("xielu"), ENGINE, NamedDerivations.get("xielu").defaults());
        for (String line : List.of("alpha_p = F.softplus(self.alpha_p_raw)", "alpha_n = beta + F.softplus(self.alpha_n_raw)",
                "torch.expm1(x0)", "def __init__(self, alpha_p=0.8, alpha_n=0.8, beta=0.5, dtype=torch.float32)",
                "torch.clamp(x, max=0.0)", "return torch.where((x <= 0.0), y0, y1)")) {
            assertTrue(py.contains(line), line + " in\n" + py);
        }
    }
}
