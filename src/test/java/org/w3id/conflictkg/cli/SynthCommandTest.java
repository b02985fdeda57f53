package org.w3id.conflictkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth} through {@link Main#execute}: what it writes, what it says, what it refuses. */
class SynthCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static long reports(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).count();
        }
    }

    @Test
    void writesTheReportsAndSaysSoOnOneLine(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("corpus");
        CliRun r = run("synth", "--reports", "25", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(25, reports(out));
        assertEquals("", r.out());
        assertTrue(r.err().matches("wrote 25 reports \\(\\d+ sidecars\\) to .*corpus in \\d+\\.\\d s\\R"), r.err());
    }

    @Test
    void refusesAFolderThatIsNotEmptyUnlessForced(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun refused = run("synth", "--reports", "5", "--out", dir.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().startsWith("error: ") && refused.err().contains("not empty"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertEquals(1, reports(dir));
        CliRun forced = run("synth", "--reports", "5", "--out", dir.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(6, reports(dir));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void zeroReportsIsAUsageError(@TempDir Path dir) {
        CliRun r = run("synth", "--reports", "0", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--reports 0"), r.err());
    }
}
