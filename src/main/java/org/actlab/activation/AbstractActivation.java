package org.actlab.activation;

/** What every catalogue activation holds: its name and its resolved parameter values. */
abstract class AbstractActivation implements Activation {
    private final String name;
    private final ParameterValues parameters;
    /** All slot values (effective), in the order of {@link ParameterValues#slotNames()}, for the formulas. */
    protected final double[] p;

    AbstractActivation(String name, ParameterValues parameters) {
        this.name = name;
        this.parameters = parameters;
        this.p = parameters.values();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ParameterValues parameters() {
        return parameters;
    }
}
