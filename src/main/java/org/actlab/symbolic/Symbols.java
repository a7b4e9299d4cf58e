package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.actlab.ActlabException;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The variable {@code x} and the declared parameters of one specification, as Symja symbols that
 * cannot collide with Symja's built-in names ({@code beta} would otherwise be the Beta function):
 * every one is a fresh dummy symbol carrying the user's name.
 */
public final class Symbols {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    static {
        SymjaSetup.configure();
    }

    private final ISymbol x;
    private final Map<String, ISymbol> parameters = new LinkedHashMap<>();
    private final Map<ISymbol, String> names = new LinkedHashMap<>();

    /** Symbols for the variable {@code x} and the given parameter names (in order). */
    public Symbols(List<String> parameterNames) {
        this.x = F.Dummy("x");
        names.put(x, "x");
        for (String name : parameterNames) {
            if (!NAME.matcher(name).matches()) {
                throw new ActlabException("parameter name '" + name
                        + "' is not a name (a letter, then letters, digits or _)");
            }
            if (name.equals("x") || Whitelist.isReserved(name)) {
                throw new ActlabException("parameter name '" + name + "' is reserved (the variable x, a constant or a function)");
            }
            if (parameters.containsKey(name)) {
                throw new ActlabException("parameter '" + name + "' is declared twice");
            }
            ISymbol s = F.Dummy(name);
            parameters.put(name, s);
            names.put(s, name);
        }
    }

    /** The variable. */
    public ISymbol x() {
        return x;
    }

    /** The parameter symbol of a name, or {@code null}. */
    public ISymbol parameter(String name) {
        return parameters.get(name);
    }

    /** The parameter names in declaration order. */
    public List<String> parameterNames() {
        return Collections.unmodifiableList(new ArrayList<>(parameters.keySet()));
    }

    /** The parameter symbols in declaration order. */
    public List<ISymbol> parameterSymbols() {
        return new ArrayList<>(parameters.values());
    }

    /** The user's name of a symbol of this table, or {@code null} for a foreign symbol. */
    public String nameOf(ISymbol symbol) {
        return names.get(symbol);
    }

    /** The index of a parameter symbol, or −1. */
    public int indexOf(ISymbol symbol) {
        int i = 0;
        for (ISymbol s : parameters.values()) {
            if (s == symbol) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** A symbol for a derived quantity (such as a stationary point {@code x*}) with a display name. */
    public ISymbol auxiliary(String displayName) {
        ISymbol s = F.Dummy(displayName.replaceAll("[^A-Za-z0-9]", "") + "aux");
        names.put(s, displayName);
        return s;
    }
}
