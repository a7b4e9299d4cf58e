package org.actlab.training;

import java.util.List;

/**
 * What {@code actlab train} runs: every task with every activation and every seed.
 *
 * @param tasks       the tasks
 * @param activations the activations (compared at matched parameter counts)
 * @param seeds       the training seeds (initial weights and minibatch order)
 * @param quick       the tasks' quick schedules
 * @param steps       Adam steps instead of the schedule's (a multiple of its evaluation interval), or 0 for the
 *                    schedule's own
 * @param trainCurve  whether the loss on the training subset is measured at every evaluation (the validation loss
 *                    always is); without it {@link TrainingRun#trainLoss} is NaN, and each run saves a sixth of its
 *                    time (the claims, which report validation losses only)
 */
public record TrainingPlan(List<TrainingTask> tasks, List<TrainingActivation> activations, List<Long> seeds, boolean quick,
                           int steps, boolean trainCurve) {
    public TrainingPlan {
        tasks = List.copyOf(tasks);
        activations = List.copyOf(activations);
        seeds = List.copyOf(seeds);
        for (TrainingTask t : tasks) {
            int every = t.schedule(quick).evalEvery();
            if (steps < 0 || steps % every != 0) {
                throw new IllegalArgumentException("steps must be 0 or a positive multiple of " + every + ", got " + steps);
            }
        }
    }

    /** Every task with every activation and seed, on the tasks' full or quick schedules. */
    public TrainingPlan(List<TrainingTask> tasks, List<TrainingActivation> activations, List<Long> seeds, boolean quick) {
        this(tasks, activations, seeds, quick, 0, true);
    }

    /** The schedule task {@code t} is trained on: its full or quick one, with {@link #steps} when set. */
    public TrainingTask.Schedule schedule(TrainingTask t) {
        TrainingTask.Schedule s = t.schedule(quick);
        return steps == 0 ? s : new TrainingTask.Schedule(steps, s.batch(), s.learningRate(), s.evalEvery());
    }

    /** The seeds {@code first, first + 1, …, first + count − 1}. */
    public static List<Long> seeds(long first, int count) {
        return java.util.stream.LongStream.range(first, first + count).boxed().toList();
    }

    /** How many training runs. */
    public int runs() {
        return tasks.size() * activations.size() * seeds.size();
    }
}
