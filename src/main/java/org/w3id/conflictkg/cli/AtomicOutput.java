package org.w3id.conflictkg.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

import org.w3id.conflictkg.KgException;

/**
 * An output file written beside its target and moved into place only when complete, so a reader never sees half a
 * dump and a failed export leaves any earlier file as it was; gzip-compressed when the name ends in {@code .gz}.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream raw;
    private final OutputStream out;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, OutputStream raw, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.raw = raw;
        this.out = out;
    }

    static AtomicOutput open(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new KgException(target + ": is a folder; --out needs a file name");
        }
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would stay on the finished file.
            Path temp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".part");
            OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16);
            OutputStream out = abs.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16)
                    : raw;
            return new AtomicOutput(abs, temp, raw, out);
        } catch (IOException e) {
            throw new KgException(target + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Where to write; closing it is this object's job, not the caller's. */
    OutputStream stream() {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Finishes the file and moves it over the target. */
    void commit() {
        try {
            out.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new KgException(target + ": cannot write (" + e.getMessage() + ")");
        }
    }

    /** Without a commit: drops the partial file. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            raw.close();
        } catch (IOException e) {
            // The partial file is deleted below either way.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more to do: a stray .part file is harmless.
        }
    }
}
