package org.actlab.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;

/** Every claim actlab checks, in report order. Later work adds its claims here. */
public final class ClaimRegistry {
    private ClaimRegistry() {
    }

    private static final String TRAINING = "a language-model training experiment (GPU-scale pre-training on billions of "
            + "tokens), beyond what runs here; its small-scale analogue is the claim ";

    /** All claims, the out-of-scope statements last. */
    public static List<Claim> all() {
        return List.of(new XieluPropertiesClaim(), new XieluDerivationClaim(), new XieluReferenceMatchClaim(),
                new PolycomLemma1Claim(), new PolycomTheorem1Claim(), new PolycomLemma2Claim(), new PolycomTheorem2Claim(),
                new PolycomTheorem3Claim(), new PolynormReferenceMatchClaim(), new Nd4jCatalogueAgreementClaim(), new Nd4jNetworkRecheckClaim(),
                SmallTrainingClaim.xielu(), SmallTrainingClaim.polycom(),
                new OutOfScopeClaim("xielu.training", "Transformer language models trained with xIELU reach lower perplexity "
                        + "than the same models with ReLU² or SwiGLU (the paper's experiments).", TRAINING + "xielu.training-small"),
                new OutOfScopeClaim("polycom.training", "Dense and mixture-of-experts language models with PolyReLU or PolyNorm "
                        + "train to lower loss and better downstream accuracy than with SwiGLU, GELU or ReLU (the paper's "
                        + "experiments, including its analyses of the trained models).", TRAINING + "polycom.training-small"));
    }

    /**
     * The claims with the given ids, in the order given; all claims when none are given.
     *
     * @throws ActlabException for an unknown id, listing the known ones
     */
    public static List<Claim> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return all();
        }
        Map<String, Claim> byId = new LinkedHashMap<>();
        for (Claim c : all()) {
            byId.put(c.id(), c);
        }
        List<Claim> out = new ArrayList<>();
        for (String id : ids) {
            Claim c = byId.get(id);
            if (c == null) {
                throw new ActlabException("unknown claim '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
            }
            out.add(c);
        }
        return out;
    }
}
