package org.w3id.conflictkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.w3id.conflictkg.KgException;

/**
 * The places a store adds to the bundled gazetteer, kept in the store folder as {@value #FILE_NAME} (the format of
 * {@code data/gazetteer/places.tsv}) so that every later {@code ingest} and {@code serve} of that store matches them.
 */
public final class ExtraPlaces {
    /** The file's name inside the store folder. */
    public static final String FILE_NAME = "gazetteer-extra.tsv";

    private ExtraPlaces() {
    }

    /** The file in a store folder. */
    public static Path file(Path storeDir) {
        return storeDir.resolve(FILE_NAME);
    }

    /** The store's extra places; empty when the store has none. */
    public static List<Place> read(Path storeDir) {
        Path f = file(storeDir);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return PlaceTsv.read(in, f.toString());
        } catch (IOException e) {
            throw new KgException(f + ": cannot read the store's extra places (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes the places to a temporary file beside {@value #FILE_NAME} and returns it; {@link #commit} moves it into
     * place. Two steps so the caller can write the store in between and drop the file when that fails.
     */
    public static Path prepare(Path storeDir, Collection<Place> places) {
        Path f = file(storeDir);
        try {
            Files.createDirectories(storeDir);
            // A fixed name, not createTempFile: that would make the file private (0600), and only one process at a
            // time holds the store (TDB2's lock), so the name is not contended.
            Path tmp = storeDir.resolve(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                PlaceTsv.write(out, new ArrayList<>(places));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        } catch (IOException e) {
            throw new KgException(f + ": cannot write the store's extra places (" + e.getMessage() + ")", e);
        }
    }

    /** Replaces {@value #FILE_NAME} by a file from {@link #prepare}, atomically where the file system can. */
    public static void commit(Path storeDir, Path prepared) {
        Path f = file(storeDir);
        try {
            try {
                Files.move(prepared, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(prepared, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KgException(f + ": cannot replace the store's extra places (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes a file from {@link #prepare} that is not to be committed. */
    public static void discard(Path prepared) {
        try {
            Files.deleteIfExists(prepared);
        } catch (IOException e) {
            // Only a stray temporary file is left behind; the store and the extra places are as before.
        }
    }
}
