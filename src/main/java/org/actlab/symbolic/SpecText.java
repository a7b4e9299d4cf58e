package org.actlab.symbolic;

/**
 * The raw text of a gradient spec, before {@link SpecParser} parses it. All but {@code gradient} may
 * be empty.
 *
 * @param name     the activation's name
 * @param gradient the pieces, {@code condition : expression ; …}
 * @param params   parameter names, comma-separated
 * @param assume   assumptions on the parameters
 * @param anchor   where f is pinned ({@code f(0) = 0} by default)
 * @param set      parameter values, {@code name=value,…}
 */
public record SpecText(String name, String gradient, String params, String assume, String anchor, String set) {
}
