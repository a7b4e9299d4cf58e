package org.actlab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.claims.Outcome;
import org.actlab.plot.TrainingFigure;
import org.actlab.training.TrainingComparison;

/** The figures drawn from the records a claim's outcome carries (its evidence), never from a second computation. */
final class EvidenceFigures {
    private EvidenceFigures() {
    }

    /** One figure per outcome that carries training comparisons: their loss curves. */
    static List<Figure> draw(List<Outcome> outcomes, Path dir) {
        List<Figure> figures = new ArrayList<>();
        for (Outcome o : outcomes) {
            List<TrainingComparison> comparisons = o.evidence().stream().filter(TrainingComparison.class::isInstance)
                    .map(TrainingComparison.class::cast).toList();
            if (comparisons.isEmpty()) {
                continue;
            }
            String name = o.id().replace('.', '-');
            TrainingFigure.write(comparisons, dir.resolve(name));
            TrainingComparison c = comparisons.get(0);
            TrainingComparison.Row best = c.rows().get(0);
            String caption = String.format(Locale.ROOT, "%s: validation loss%s of %s on %s, mean ± sd over %d seeds, at matched parameter"
                            + " counts (%d to %d); %s. A small-scale analogue, not the paper's experiment.", o.id(),
                    c.language() ? " (nats per character)" : "", String.join(", ", c.rows().stream().map(r -> r.setup().activation()).toList()),
                    c.task(), best.seeds(), c.rows().stream().mapToLong(r -> r.setup().parameters()).min().orElse(0),
                    c.rows().stream().mapToLong(r -> r.setup().parameters()).max().orElse(0), c.verdict());
            figures.add(new Figure(name, "Training: " + o.id(), caption));
        }
        return figures;
    }
}
