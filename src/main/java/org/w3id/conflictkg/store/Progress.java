package org.w3id.conflictkg.store;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long run: on a terminal, one line redrawn in place (bar, count, rate, ETA); elsewhere, a plain line
 * every few seconds so that logs stay readable. Silent when made with {@link #none()}.
 */
public final class Progress {
    private static final long TERMINAL_EVERY_NANOS = 250_000_000L;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final String what;
    private long total;
    private long start;
    private long last;

    private Progress(PrintStream out, boolean terminal, String what) {
        this.out = out;
        this.terminal = terminal;
        this.what = what;
    }

    /** Progress on standard error: a bar when it is a terminal, a line every 10 s otherwise. */
    public static Progress onStandardError(String what) {
        return new Progress(System.err, System.console() != null, what);
    }

    /** Progress that prints nothing. */
    public static Progress none() {
        return new Progress(null, false, "");
    }

    /** True when progress is drawn in place on a terminal (per-item log lines would only tear it). */
    public boolean isTerminal() {
        return terminal;
    }

    /** Starts the clock for {@code total} items. */
    public void start(long total) {
        this.total = total;
        this.start = System.nanoTime();
        this.last = start;
    }

    /** Reports {@code done} items finished; prints when it is time to. */
    public void update(long done) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < (terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS)) {
            return;
        }
        last = now;
        String line = line(done, now);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the line drawn on a terminal so that what follows starts on a line of its own. */
    public void finish(long done) {
        if (out == null) {
            return;
        }
        if (terminal) {
            out.print("\r" + line(done, System.nanoTime()) + "\u001b[K\n");
        }
        out.flush();
    }

    String line(long done, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder();
        if (terminal && total > 0) {
            int filled = (int) Math.min(BAR, BAR * done / total);
            sb.append('[').append("=".repeat(filled)).append(filled < BAR ? ">" : "")
                    .append(" ".repeat(Math.max(0, BAR - filled - 1))).append("] ");
        }
        sb.append(String.format(Locale.ROOT, "%s: %,d/%,d (%.0f/s", what, done, total, rate));
        if (done > 0 && done < total) {
            sb.append(", ETA ").append(duration((long) ((total - done) / rate)));
        }
        sb.append(", ").append(duration((long) seconds)).append(" so far)");
        return sb.toString();
    }

    /** 75 → "1m15s"; 3725 → "1h02m". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
