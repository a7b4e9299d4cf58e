package org.actlab.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.ActlabException;
import org.actlab.approx.Approximation;
import org.actlab.approx.Approximations;
import org.actlab.approx.Certificate;
import org.actlab.approx.PolyReluToRelu;
import org.actlab.approx.ProductNetwork;
import org.actlab.polynomial.Target;
import org.actlab.gpu.api.HarnessLoader;
import org.actlab.gpu.api.NetworkCheck;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Numbers;
import org.actlab.network.Approximates;
import org.actlab.network.Layer;
import org.actlab.network.Network;
import org.actlab.network.NetworkJson;

/**
 * The Lemma 2 and Theorem 2 networks, saved as JSON with what they approximate, re-checked by ND4J on
 * dense grids against their certificates; a copy altered after saving must be caught.
 */
public final class Nd4jNetworkRecheckClaim implements Claim {
    /** Grid points per network. */
    static final long POINTS = 1 << 18;
    /** Grid points per network of the quick form. */
    static final long QUICK_POINTS = 1 << 14;

    private final long points;

    public Nd4jNetworkRecheckClaim() {
        this(POINTS);
    }

    private Nd4jNetworkRecheckClaim(long points) {
        this.points = points;
    }

    @Override
    public Claim quick() {
        return new Nd4jNetworkRecheckClaim(QUICK_POINTS);
    }

    @Override
    public String shortened() {
        return points == POINTS ? "" : points + " grid points per network instead of " + POINTS;
    }

    @Override
    public boolean usesHarness() {
        return true;
    }

    @Override
    public String id() {
        return "nd4j.network-recheck";
    }

    @Override
    public String statement() {
        return "The certified networks of Lemma 2 (ReLU networks for x² and for PolyReLU a = (1, 1, ½, ¼) on [−1, 1], and "
                + "the product gadget xy on [−1, 1]²) and of Theorem 2 (the ReLU network of a PolyReLU network on [−1, 1]²) "
                + "stay within their certificates when their saved JSON is evaluated independently on dense grids; a file whose "
                + "weights were changed after saving does not.";
    }

    @Override
    public String method() {
        return "Each network is built, certified and saved (actlab-network/1 with its \"approximates\" record), read back by "
                + "the ND4J harness and evaluated on " + points + " grid points of its interval or box as batched matrix products "
                + "(CPU backend, float64). One input: sampled sup error ≤ the certificate's float64 bound (the exact certified "
                + "error plus a forward rounding bound valid for any summation order). Two inputs: |T − net| ≤ bound + a "
                + "first-order rounding bound ρ(x) computed on the grid. The altered copy moves one output bias of the x² network "
                + "by 1e-6, twice its certified error.";
    }

    @Override
    public Outcome check() {
        return check(line -> { });
    }

    /** Reports each network as it is built and certified, then the grids as ND4J evaluates them. */
    @Override
    public Outcome check(java.util.function.Consumer<String> progress) {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        Path dir;
        try {
            dir = Files.createTempDirectory("actlab-networks-");
        } catch (IOException e) {
            throw new ActlabException("cannot create a temporary directory: " + e.getMessage());
        }
        try {
            List<Path> files = new ArrayList<>();
            progress.accept("building and certifying x² on [−1, 1] at 1e-6");
            Approximation square = Approximations.build(Target.square(), -1, 1, 1e-6, Approximations.Method.DEEP);
            files.add(save(dir, "square.json", square.network(), oneInput(square.certificate())));
            progress.accept("building and certifying PolyReLU on [−1, 1] at 1e-6");
            Approximation poly = Approximations.build(Target.polyRelu(PolycomLemma2Claim.COEFFS), -1, 1, 1e-6,
                    Approximations.Method.DEEP);
            files.add(save(dir, "polyrelu.json", poly.network(), oneInput(poly.certificate())));
            progress.accept("building the product gadget and Theorem 2's conversion");
            ProductNetwork.Result product = ProductNetwork.build(1, 1e-4);
            files.add(save(dir, "product.json", product.network(), new Approximates.Product(1, product.bound(), id())));
            Network source = PolycomTheorem2Claim.exampleNetwork();
            PolyReluToRelu.Result theorem2 = PolyReluToRelu.convert(source, -1, 1, 1e-2);
            files.add(save(dir, "theorem2.json", theorem2.network(),
                    new Approximates.OfNetwork(source, -1, 1, theorem2.errorBound(), false, id())));
            files.add(save(dir, "square-altered.json", altered(square.network()), oneInput(square.certificate())));
            org.actlab.gpu.api.GpuHarness harness = HarnessLoader.harness();
            // each grid as ND4J evaluates it
            List<NetworkCheck> checks = harness.reporting(progress, () -> harness.checkNetworks(files, points));
            StringBuilder summary = new StringBuilder();
            for (int i = 0; i < checks.size(); i++) {
                NetworkCheck c = checks.get(i);
                String name = files.get(i).getFileName().toString();
                boolean altered = name.contains("altered");
                double bound = Double.isNaN(c.float64Bound()) ? c.bound() : c.float64Bound();
                if (altered) {
                    m.that(name + ": sampled error of the altered copy", c.sampledError(), "caught: the check fails", !c.passed());
                } else {
                    m.that(name + ": sampled sup error on " + c.points() + " grid points", c.sampledError(),
                            "within " + Numbers.format(bound) + " (" + c.verdict() + ")", c.passed());
                }
                summary.append(summary.length() > 0 ? "; " : "").append(String.format(Locale.ROOT, "%s %s/%s = %.6f", name,
                        Numbers.format(c.sampledError()), Numbers.format(bound), c.sampledError() / bound))
                        .append(altered ? (c.passed() ? " NOT caught" : " caught") : "");
            }
            return Outcome.of(id(), summary.toString(), m.all(), (System.nanoTime() - start) / 1e9);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }
    }

    private Approximates oneInput(Certificate c) {
        return new Approximates.OneInput(c.target(), c.a(), c.b(), c.certifiedError(), c.exact(), c.float64Bound(), c.method(), id());
    }

    private static Path save(Path dir, String name, Network net, Approximates a) {
        Path p = dir.resolve(name);
        AtomicFiles.writeString(p, NetworkJson.write(net, a));
        return p;
    }

    /** The network with its last layer's first bias moved by 1e-6 (twice the certified 4.8e-7 of x² at 1e-6). */
    private static Network altered(Network net) {
        List<Layer> layers = new ArrayList<>(net.layers());
        Layer last = layers.get(layers.size() - 1);
        double[] bias = last.bias().clone();
        bias[0] += 1e-6;
        layers.set(layers.size() - 1, new Layer(last.weights(), bias, last.activation()));
        return new Network(net.inputDim(), layers);
    }
}
