package org.actlab.io;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where a command's time went, read from the JVM once its work is done: the work itself, and for the whole process
 * since the JVM started its wall time, the CPU time of all its threads, and what the JIT compilers and the garbage
 * collector took of it. Timing the command from outside ({@code /usr/bin/time}) gives about {@code sinceStart} and
 * {@code cpu}, plus the JVM's own start-up and exit (a few hundredths of a second); the compile and GC parts say why
 * CPU exceeds the work on a short run: on 2 cores, C2 compiling is about half the CPU of certifying 10⁶ pieces.
 *
 * @param work       seconds of the command's work (measured around it: construction and certification)
 * @param sinceStart seconds since the JVM started
 * @param cpu        CPU seconds of every thread of the process, user and system ({@code NaN} where the JVM does not
 *                   report it)
 * @param compile    seconds the JIT compilers spent compiling, summed over the compiler threads ({@code NaN} where
 *                   not reported)
 * @param gc         seconds of garbage collection, summed over the collections
 */
public record ProcessTime(double work, double sinceStart, double cpu, double compile, double gc) {
    /** The process's time now, with the work started at {@code workStart} ({@link System#nanoTime}). */
    public static ProcessTime after(long workStart) {
        double work = (System.nanoTime() - workStart) / 1e9;
        double sinceStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        double cpu = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            cpu = os.getProcessCpuTime() / 1e9;
        }
        var compiler = ManagementFactory.getCompilationMXBean();
        double compile = compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() / 1e3 : Double.NaN;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gcBean : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gcBean.getCollectionTime());
        }
        return new ProcessTime(work, sinceStart, cpu, compile, gcMillis / 1e3);
    }

    /** One line: {@code 1.62 s; the process 2.01 s since start, 3.28 s of CPU (JIT compiling 1.79 s, GC 0.41 s)}. */
    public String text() {
        return String.format(Locale.ROOT, "%.2f s; the process %.2f s since start, %s of CPU in all threads (JIT compiling %s, GC %s)",
                work, sinceStart, seconds(cpu), seconds(compile), seconds(gc));
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "not reported" : String.format(Locale.ROOT, "%.2f s", s);
    }

    /** The {@code timing} field of a JSON result (a part not reported is the string {@code "NaN"}, as {@link Json} writes NaN). */
    public void writeField(Json j) {
        j.name("timing").beginObject().field("work_seconds", work).field("since_start_seconds", sinceStart)
                .field("cpu_seconds", cpu).field("compile_seconds", compile).field("gc_seconds", gc).endObject();
    }
}
