package org.w3id.conflictkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Test fixture: a TDB2 store with only the ontology and the gazetteer, built once per test JVM and copied for each
 * test that needs a fresh store, since loading the gazetteer is the slow part of a first ingest.
 */
public final class BaseStore {
    private static Path template;

    private BaseStore() {
    }

    /** Copies the base store into {@code target} (which must not exist yet) and returns it. */
    public static synchronized Path copyTo(Path target) {
        try {
            if (template == null) {
                Path dir = Files.createTempDirectory("conflictkg-base-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path store = dir.resolve("store");
                KgStore s = KgStore.open(store);
                try {
                    TestStores.ingester(s).ensureBase();
                } finally {
                    s.close();
                    // Let go of the files, so that copies are of a closed store and other processes may open it.
                    TDBInternal.expel(s.tdbDatasetGraph());
                }
                template = store;
            }
            copyTree(template, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder; TDB2's files are mostly holes, which the copy keeps as holes. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    copySparse(p, t);
                }
            }
        }
    }

    private static void copySparse(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                buf.flip();
                if (!zeros(buf)) {
                    out.write(buf, pos);
                }
                pos += n;
                buf.clear();
            }
            if (out.size() < pos) {
                out.write(ByteBuffer.wrap(new byte[1]), pos - 1);
            }
        }
    }

    private static boolean zeros(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
