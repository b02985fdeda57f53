package org.w3id.conflictkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.KgException;

/** Restore and compaction on small stores on disk (no gazetteer, so fast). */
class StoreMaintenanceTest {
    @TempDir
    Path dir;

    private static Graph graph(String prefix, int triples, boolean blankNodes) {
        Graph g = GraphFactory.createDefaultGraph();
        Node p = NodeFactory.createURI("urn:x:p");
        for (int i = 0; i < triples; i++) {
            g.add(NodeFactory.createURI("urn:x:" + prefix + "/s" + i), p, NodeFactory.createLiteralString(
                    prefix + " value " + i));
        }
        if (blankNodes) {
            Node b = NodeFactory.createBlankNode();
            g.add(NodeFactory.createURI("urn:x:" + prefix + "/list"), p, b);
            g.add(b, p, NodeFactory.createLiteralString("in a blank node"));
        }
        return g;
    }

    private KgStore filledStore(String name) {
        KgStore s = KgStore.open(dir.resolve(name));
        s.replaceGraph("urn:x:g1", graph("one", 50, false), "hash-1");
        s.replaceGraph("urn:x:g2", graph("two", 20, true), null);
        return s;
    }

    /** A backup as {@code backup} writes it: the store's N-Quads dump, gzipped. */
    private Path backup(KgStore s, String name, boolean gzip) throws IOException {
        Path out = dir.resolve(name);
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(out)) : Files.newOutputStream(out)) {
            DatasetExporter.write(s, DatasetExporter.Format.NQUADS, o);
        }
        return out;
    }

    @Test
    void restoreBringsBackExactlyTheStoreFromAGzippedOrPlainBackup() throws IOException {
        try (KgStore s = filledStore("store")) {
            for (boolean gzip : new boolean[] {true, false}) {
                Path b = backup(s, gzip ? "b.nq.gz" : "b.nq", gzip);
                try (KgStore restored = KgStore.open(dir.resolve("restored-" + gzip))) {
                    assertEquals(s.quadCount(), StoreMaintenance.restore(restored, b));
                    String d = StoreContents.difference(StoreContents.graphs(s), StoreContents.graphs(restored));
                    assertNull(d, d);
                }
            }
        }
    }

    @Test
    void restoreRefusesAStoreWithDataAndACorruptFileLeavesTheStoreEmpty() throws IOException {
        Path corrupt = dir.resolve("corrupt.nq.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(corrupt))) {
            o.write("<urn:x:a> <urn:x:b> \"fine\" <urn:x:g> .\n<urn:x:a> this is not N-Quads\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (KgStore empty = KgStore.open(dir.resolve("empty"))) {
            KgException e = assertThrows(KgException.class, () -> StoreMaintenance.restore(empty, corrupt));
            assertTrue(e.getMessage().startsWith(corrupt + ": not a readable N-Quads backup"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(0, empty.quadCount(), "a failed restore must write nothing");
        }
        try (KgStore full = filledStore("full")) {
            Path b = backup(full, "b.nq.gz", true);
            KgException e = assertThrows(KgException.class, () -> StoreMaintenance.restore(full, b));
            assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        }
    }

    @Test
    void compactionKeepsTheQuadsAndFreesTheSpaceOfReplacedGraphs() {
        Path folder = dir.resolve("store");
        try (KgStore s = KgStore.open(folder)) {
            for (int round = 0; round < 3; round++) {
                // Each replacement leaves the old index blocks behind until compaction.
                s.replaceGraph("urn:x:big", graph("round" + round, 600, false), null);
            }
            s.replaceGraph("urn:x:g2", graph("two", 20, true), null);
            var before = StoreContents.graphs(s);
            StoreMaintenance.Compaction c = StoreMaintenance.compact(s, folder);
            assertEquals(c.quadsBefore(), c.quadsAfter());
            assertTrue(c.bytesAfter() <= c.bytesBefore(), c.bytesBefore() + " -> " + c.bytesAfter());
            String d = StoreContents.difference(before, StoreContents.graphs(s));
            assertNull(d, d);
            assertFalse(Files.exists(folder.resolve("Data-0001")), "the old generation is deleted");
            assertTrue(Files.isDirectory(folder.resolve("Data-0002")));
            System.err.printf("compaction: %d -> %d bytes%n", c.bytesBefore(), c.bytesAfter());
        }
    }
}
