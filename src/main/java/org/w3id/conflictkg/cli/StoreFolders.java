package org.w3id.conflictkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.w3id.conflictkg.KgException;

/** Checks, before opening, that a folder already holds a TDB2 store, for commands that must not create one. */
final class StoreFolders {
    private StoreFolders() {
    }

    /** Throws a one-line {@link KgException} unless {@code dir} holds a TDB2 store (a {@code Data-NNNN} folder). */
    static void requireExisting(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new KgException(dir + ": no store here; create one with ingest");
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.noneMatch(p -> p.getFileName().toString().startsWith("Data-") && Files.isDirectory(p))) {
                throw new KgException(dir + ": not a TDB2 store (no Data-NNNN folder); create one with ingest");
            }
        } catch (IOException e) {
            throw new KgException(dir + ": cannot list the store folder (" + e.getMessage() + ")", e);
        }
    }

    /** A byte count for people: 1.2 MB. */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
