package org.actlab.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.ActlabException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The network reader: every written network reads back equal (bit for bit: numbers are written as the
 * shortest text that parses back to the same double), and every mutation of a valid file (a key twice,
 * content after the end, a cut, a changed character, deep nesting, a huge number) is read or refused
 * with a one-line {@link ActlabException}; no other exception escapes.
 */
class NetworkJsonProperties {
    private static Network random(long seed, int depth, boolean polyrelu) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] widths = new int[depth];
        for (int l = 0; l < depth; l++) {
            widths[l] = l == depth - 1 ? 1 + r.nextInt(2) : 1 + r.nextInt(5);
        }
        return RandomNetworks.of(r, 1 + r.nextInt(3), widths, polyrelu);
    }

    @Property(tries = 200, seed = "20261207")
    void writtenNetworksReadBackEqual(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                      @ForAll @IntRange(min = 1, max = 6) int depth, @ForAll boolean polyrelu) {
        Network net = random(seed, depth, polyrelu);
        assertEquals(net, NetworkJson.parse(NetworkJson.write(net)));
    }

    @Provide
    Arbitrary<String> mutation() {
        return Arbitraries.of("duplicate", "trailing", "cut", "flip", "deep", "huge", "tiny", "string", "negdim", "empty");
    }

    @Property(tries = 400, seed = "20261208")
    void mutatedFilesAreReadOrRefused(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll("mutation") String kind,
                                      @ForAll @IntRange(min = 0, max = 10_000) int where) {
        String text = NetworkJson.write(random(seed, 3, seed % 2 == 0));
        int at = where % text.length();
        String mutated = switch (kind) {
            case "duplicate" -> text.replaceFirst("\"input_dim\"", "\"input_dim\" : 1, \"input_dim\"");
            case "trailing" -> text + " {\"x\": 1}";
            case "cut" -> text.substring(0, at);
            case "flip" -> text.substring(0, at) + (char) ('!' + where % 90) + text.substring(Math.min(text.length(), at + 1));
            case "deep" -> text.replaceFirst("\"bias\"", "\"extra\": " + "[".repeat(200 + where) + "]".repeat(200 + where) + ", \"bias\"");
            case "huge" -> text.replaceFirst("\\[\\[", "[[1e400, ");
            case "tiny" -> text.replaceFirst("\\[\\[", "[[4.9e-325, ");
            case "string" -> text.replaceFirst("\\[\\[", "[[\"1\", ");
            case "negdim" -> text.replaceFirst("\"input_dim\" : \\d+", "\"input_dim\" : -" + where);
            default -> "";
        };
        try {
            Network n = NetworkJson.parse(mutated);
            assertNotNull(n);
            assertTrue(!kind.equals("duplicate") && !kind.equals("trailing") && !kind.equals("deep")
                    && !kind.equals("empty"), kind + " must be refused");
        } catch (ActlabException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().length() <= 300, e.getMessage());
        }
    }
}
