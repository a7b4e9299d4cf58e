package org.actlab.symbolic;

import java.util.List;

/** A spec's assumptions compiled for numeric checks at parameter points. */
final class Assumptions {
    private final List<ExpressionParser.Relation> relations;
    private final NumericExpression[][] sides;

    private Assumptions(GradientSpec spec) {
        this.relations = spec.assumptions();
        this.sides = new NumericExpression[relations.size()][];
        for (int j = 0; j < sides.length; j++) {
            ExpressionParser.Relation r = relations.get(j);
            sides[j] = new NumericExpression[] {NumericExpression.compile(r.lhs(), spec.symbols()),
                NumericExpression.compile(r.rhs(), spec.symbols())};
        }
    }

    static Assumptions of(GradientSpec spec) {
        return new Assumptions(spec);
    }

    /** The first assumption that the parameter values {@code p} violate, or {@code null}. */
    ExpressionParser.Relation violated(double[] p) {
        for (int j = 0; j < sides.length; j++) {
            if (!relations.get(j).holds(sides[j][0].value(0, p), sides[j][1].value(0, p))) {
                return relations.get(j);
            }
        }
        return null;
    }
}
