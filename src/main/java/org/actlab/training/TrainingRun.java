package org.actlab.training;

/**
 * One training run: its setup, seed, and the losses at every evaluation.
 *
 * @param setup     the network (task, activation, width, parameter counts)
 * @param seed      the training seed
 * @param steps     the Adam steps at which the losses were taken (the first is 0, before training)
 * @param trainLoss the loss on a fixed subset of the training data (the first 2 048 rows); NaN where the plan did
 *                  not ask for it ({@link TrainingPlan#trainCurve})
 * @param valLoss   the loss on the validation data
 * @param seconds   the wall time of the run (not deterministic; kept out of the CSV)
 */
public record TrainingRun(TrainingSetup setup, long seed, int[] steps, double[] trainLoss, double[] valLoss, double seconds) {
    /** The last validation loss. */
    public double finalValLoss() {
        return valLoss[valLoss.length - 1];
    }

    /** The first step at which the validation loss is at most {@code loss}, or -1. */
    public int stepsTo(double loss) {
        for (int i = 0; i < steps.length; i++) {
            if (valLoss[i] <= loss) {
                return steps[i];
            }
        }
        return -1;
    }
}
