package org.actlab.symbolic.print;

import org.actlab.io.Json;
import org.actlab.io.OutputProvenance;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Derivation.Asymptote;
import org.actlab.symbolic.Derivation.Breakpoint;
import org.actlab.symbolic.Derivation.Limit;
import org.actlab.symbolic.Derivation.MonotoneRange;
import org.actlab.symbolic.Derivation.PieceResult;
import org.actlab.symbolic.Derivation.StationaryPoint;
import org.actlab.symbolic.ExpressionParser;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.Interval;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A {@link Derivation} as JSON ({@code actlab-derivation/1}): expressions in ASCII with the user's
 * names ({@code alpha_p*x^2 + beta*x}) and in LaTeX; {@code breakpoints} as objects with {@code x}
 * and {@code smoothness} (the largest k with f ∈ Cᵏ, or {@code "infinity"}).
 */
public final class DerivationJson {
    private DerivationJson() {
    }

    /** The document, with the provenance of the run that derived it. */
    public static String print(Derivation d, OutputProvenance provenance) {
        GradientSpec spec = d.spec();
        ExpressionPrinter plain = Dialect.PLAIN.printer(spec.symbols(), null);
        ExpressionPrinter tex = Dialect.LATEX.printer(spec.symbols(), null);
        try (Json j = new Json()) {
            j.beginObject();
            j.field("format", "actlab-derivation/1");
            j.field("name", spec.name());
            j.field("spec", spec.source());
            j.name("parameters").beginArray();
            spec.symbols().parameterNames().forEach(j::value);
            j.endArray();
            j.name("assumptions").beginArray();
            for (ExpressionParser.Relation r : spec.assumptions()) {
                j.value(DerivationText.relation(r, plain));
            }
            j.endArray();
            j.name("anchor").beginObject().field("x", Interval.format(spec.anchorX()))
                    .field("y", plain.print(spec.anchorY())).endObject();
            j.name("closed_form").value(d.closedForm());
            j.name("pieces").beginArray();
            for (PieceResult r : d.pieces()) {
                j.beginObject();
                j.field("condition", r.domain().condition());
                j.field("interval", r.domain().toString());
                j.field("gradient", plain.print(r.gradient()));
                j.name("closed_form").value(r.activation() == null ? null : plain.print(r.activation()));
                j.name("latex").value(r.activation() == null ? null : tex.print(r.activation()));
                j.field("proof", r.proof().name().toLowerCase());
                j.endObject();
            }
            j.endArray();
            j.name("breakpoints").beginArray();
            for (Breakpoint b : d.breakpoints()) {
                j.beginObject();
                j.name("x").value(b.x().doubleValue());
                j.field("x_exact", Interval.format(b.x()));
                if (b.smooth()) {
                    j.field("smoothness", "infinity");
                } else {
                    j.field("smoothness", b.smoothness());
                }
                j.name("smoothness_at_least").value(b.jump() == null);
                if (b.jump() != null) {
                    j.field("jump_order", b.jumpOrder());
                    j.field("jump", plain.print(b.jump()));
                }
                j.endObject();
            }
            j.endArray();
            j.name("f_at_0").value(d.valueAtZero() == null ? null : plain.print(d.valueAtZero()));
            j.name("df_at_0").beginObject().field("left", plain.print(d.slopeAtZero()[0]))
                    .field("right", plain.print(d.slopeAtZero()[1])).endObject();
            j.name("limits").beginObject();
            limit(j, "f_minus_inf", d.limits().fMinus(), plain);
            limit(j, "f_plus_inf", d.limits().fPlus(), plain);
            limit(j, "df_minus_inf", d.limits().dfMinus(), plain);
            limit(j, "df_plus_inf", d.limits().dfPlus(), plain);
            j.endObject();
            j.name("asymptotes").beginArray();
            for (Asymptote a : d.asymptotes()) {
                j.beginObject().field("direction", a.direction() < 0 ? "-inf" : "+inf");
                j.name("slope").value(text(a.slope(), plain));
                j.name("intercept").value(text(a.intercept(), plain));
                j.name("growth").value(text(a.growth(), plain));
                j.endObject();
            }
            j.endArray();
            j.name("stationary_points").beginArray();
            for (StationaryPoint s : d.stationary()) {
                stationary(j, s, plain);
            }
            j.endArray();
            j.name("global_minimum");
            if (d.globalMinimum() == null) {
                j.value((String) null);
            } else {
                stationary(j, d.globalMinimum(), plain);
            }
            j.field("global_minimum_note", d.minimumNote());
            j.name("monotone").beginArray();
            for (MonotoneRange m : d.monotone()) {
                j.beginObject();
                j.name("from").value(m.from() == null ? "-inf" : plain.print(m.from()));
                j.name("to").value(m.to() == null ? "inf" : plain.print(m.to()));
                j.name("direction").value(m.direction() == null ? "undecided" : m.direction() > 0 ? "increasing"
                        : m.direction() < 0 ? "decreasing" : "constant");
                j.endObject();
            }
            j.endArray();
            j.name("notes").beginArray();
            d.notes().forEach(j::value);
            j.endArray();
            provenance.writeField(j);
            j.endObject();
            return j.text();
        }
    }

    private static String text(IExpr e, ExpressionPrinter p) {
        return e == null ? null : p.print(e);
    }

    private static void limit(Json j, String name, Limit l, ExpressionPrinter p) {
        j.name(name).beginObject();
        j.field("kind", l.kind().name().toLowerCase());
        j.name("value").value(switch (l.kind()) {
            case FINITE -> p.print(l.value());
            case PLUS_INFINITY -> "inf";
            case MINUS_INFINITY -> "-inf";
            case SIGN_DEPENDS -> "sign(" + p.print(l.value()) + ")*inf";
            case UNKNOWN -> null;
        });
        j.name("sign_sampled").value(l.sampled());
        j.endObject();
    }

    private static void stationary(Json j, StationaryPoint s, ExpressionPrinter p) {
        j.beginObject();
        j.field("kind", s.kind().name().toLowerCase());
        j.name("x").value(text(s.x(), p));
        j.name("value").value(text(s.value(), p));
        j.name("value_in_x_star").value(text(s.valueInX(), p));
        j.field("piece", s.piece() + 1);
        j.field("note", s.note());
        j.endObject();
    }
}
