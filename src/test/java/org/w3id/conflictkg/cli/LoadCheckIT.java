package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.server.KgServer;
import org.w3id.conflictkg.store.BaseStore;
import org.w3id.conflictkg.store.KgStore;

/** The load check runs, stops by itself and prints its figures, with an ingest going on or against a URL. */
class LoadCheckIT {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        System.err.print(out);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void loadWhileIngestingReportsFiguresAndNoLostOrPartialReport(@TempDir Path dir) {
        Path store = BaseStore.copyTo(dir.resolve("store"));
        long t0 = System.nanoTime();
        Run r = run("loadcheck", "--store", store.toString(), "--generate", "12", "--clients", "4", "--seconds", "6");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(0, r.code(), r.out() + r.err());
        for (String figure : new String[] {"requests", "errors 0", "p50", "p95", "p99", "0 partial",
            "0 of 12 ingested reports lost", "12 report(s) written", "result        PASS"}) {
            assertTrue(r.out().contains(figure), () -> figure + " missing from\n" + r.out());
        }
        Matcher m = Pattern.compile("requests\\s+(\\d+)").matcher(r.out());
        assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, r.out());
        assertTrue(seconds < 120, "took " + seconds + " s");
    }

    @Test
    void loadAgainstARunningServerStopsAfterItsRequestBudget() {
        try (KgStore store = KgStore.inMemory()) {
            KgServer server = KgServer.start(store, new KgServer.Settings("127.0.0.1", 0, 10_000, null, null));
            try {
                Run r = run("loadcheck", "--url", server.sparqlUrl(), "--clients", "3", "--seconds", "30",
                        "--max-requests", "40");
                assertEquals(0, r.code(), r.out() + r.err());
                assertTrue(r.out().contains("requests      40 "), r.out());
            } finally {
                server.stop();
            }
        }
    }
}
