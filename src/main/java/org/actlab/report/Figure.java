package org.actlab.report;

/**
 * One figure written by {@link FigureSet}: {@code name.png} (2× scale) and {@code name.svg}.
 *
 * @param name    the file name base
 * @param title   a short title
 * @param caption what it shows, with the parameters it was drawn for
 */
public record Figure(String name, String title, String caption) {
}
