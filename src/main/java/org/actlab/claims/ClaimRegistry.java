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

    /** All claims. */
    public static List<Claim> all() {
        return List.of(new XieluPropertiesClaim(), new XieluDerivationClaim(), new PolycomLemma1Claim(), new PolycomTheorem1Claim(),
                new PolycomLemma2Claim(), new PolycomTheorem2Claim());
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
