package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.SynthCorpus;

/** {@code synth}: writes a corpus of synthetic reports for scale tests, the same corpus for the same seed. */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write N synthetic reports (real places, officials and forces of the bundled gazetteer, "
                + "dated 2022-02-24 to 2026-10-31, about half with a .meta.json sidecar) into DIR, 1,000 to a "
                + "folder (DIR/000, DIR/001, ...), for scale tests: ingest DIR reads them all.",
            "Report i depends only on the seed and i: the same seed writes byte-identical files."})
final class SynthCommand implements Callable<Integer> {
    /** How often a long run says how far it got. */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    @Option(names = "--reports", required = true, paramLabel = "N", description = "How many reports to write.")
    int reports;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write into; created when missing, refused when not empty (see --force).")
    Path out;

    @Option(names = "--force", description = "Write into a folder that is not empty, replacing reports of the same "
            + "name; other files stay.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reports < 1) {
            throw new ParameterException(spec.commandLine(), "--reports " + reports + ": must be at least 1");
        }
        checkFolder();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        SynthCorpus corpus = new SynthCorpus(Gazetteer.loadBundled(), seed);
        long[] lastReport = {start};
        SynthCorpus.Written written = corpus.write(out, reports, done -> {
            synchronized (lastReport) {
                long now = System.nanoTime();
                if (now - lastReport[0] >= PROGRESS_NANOS) {
                    lastReport[0] = now;
                    err.println("synth: " + done + " of " + reports + " reports written (" + seconds(now - start)
                            + " s)");
                }
            }
        });
        err.println("wrote " + written.reports() + " reports (" + written.sidecars() + " sidecars) to " + out + " in "
                + seconds(System.nanoTime() - start) + " s");
        return 0;
    }

    private void checkFolder() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new KgException(out + ": not a folder");
        }
        if (force || !Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new KgException(out + ": folder is not empty (use --force to write into it anyway)");
            }
        } catch (IOException e) {
            throw new KgException(out + ": cannot list folder (" + e.getMessage() + ")", e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
