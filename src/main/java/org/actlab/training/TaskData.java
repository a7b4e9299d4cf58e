package org.actlab.training;

/**
 * A task's data, row-major: {@code trainX} holds {@code trainRows × inputs} numbers, {@code trainY}
 * {@code trainRows × outputs}; the same for validation. For a language task ({@code vocabulary > 0}) a row's
 * inputs are the indices of the context's characters and its one output the index of the next character.
 */
public record TaskData(int inputs, int outputs, int vocabulary, double[] trainX, double[] trainY, double[] valX, double[] valY) {
    /** Rows of training data. */
    public int trainRows() {
        return trainY.length / outputs;
    }

    /** Rows of validation data. */
    public int valRows() {
        return valY.length / outputs;
    }
}
