package org.actlab.training;

/**
 * One activation's network for one task, at the hidden width that matches the reference's parameter count.
 *
 * @param task                 the task's name
 * @param activation           the activation's label
 * @param width                the hidden width used (units after the activation)
 * @param parameters           all trainable numbers of the network
 * @param activationParameters of them, the activation's own (all layers)
 * @param reference            the parameter count of the reference (ReLU at the task's width)
 */
public record TrainingSetup(String task, String activation, int width, long parameters, long activationParameters, long reference) {
    /** The relative difference from the reference count. */
    public double mismatch() {
        return (double) (parameters - reference) / reference;
    }
}
