package org.actlab.training;

import java.util.List;

/**
 * What {@code actlab train} runs: every task with every activation and every seed.
 *
 * @param tasks       the tasks
 * @param activations the activations (compared at matched parameter counts)
 * @param seeds       the training seeds (initial weights and minibatch order)
 * @param quick       the tasks' quick schedules
 */
public record TrainingPlan(List<TrainingTask> tasks, List<TrainingActivation> activations, List<Long> seeds, boolean quick) {
    public TrainingPlan {
        tasks = List.copyOf(tasks);
        activations = List.copyOf(activations);
        seeds = List.copyOf(seeds);
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
