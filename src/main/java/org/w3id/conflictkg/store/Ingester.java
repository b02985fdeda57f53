package org.w3id.conflictkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extraction;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.GazetteerGraphBuilder;
import org.w3id.conflictkg.rdf.Iris;
import org.w3id.conflictkg.rdf.ReportGraphBuilder;
import org.w3id.conflictkg.report.Report;
import org.w3id.conflictkg.report.ReportReader;

/**
 * Ingests report files into a store: the ontology and gazetteer graphs first (when changed), then each report
 * read, extracted and validated outside any transaction and written in one short transaction of its own.
 */
public final class Ingester {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    /** The ontology files inside the jar, in load order. */
    static final List<String> ONTOLOGY_FILES = List.of("/ontology/conflict-kg.ttl", "/ontology/alignments.ttl");

    private final KgStore store;
    private final Gazetteer gazetteer;
    private final Extractor extractor;
    private final ReportReader reader;
    private final boolean strict;
    private Graph ontology;
    private Shapes shapes;

    /** The outcome of a run: reports written, left as they were (unchanged), and failed. */
    public record Summary(int written, int unchanged, int failed, List<String> errors) {
    }

    public Ingester(KgStore store, Gazetteer gazetteer, Extractor extractor, ReportReader reader, boolean strict) {
        this.store = store;
        this.gazetteer = gazetteer;
        this.extractor = extractor;
        this.reader = reader;
        this.strict = strict;
    }

    /** Loads the ontology and the gazetteer into their named graphs unless the store already has these versions. */
    public void ensureBase() {
        Model onto = ModelFactory.createDefaultModel();
        StringBuilder hashes = new StringBuilder();
        for (String f : ONTOLOGY_FILES) {
            try (InputStream in = Ingester.class.getResourceAsStream(f)) {
                if (in == null) {
                    throw new KgException(f + ": missing from the jar; rebuild it with mvn package");
                }
                byte[] bytes = in.readAllBytes();
                hashes.append(Iris.slug(Integer.toHexString(java.util.Arrays.hashCode(bytes))));
                RDFDataMgr.read(onto, new java.io.ByteArrayInputStream(bytes), Lang.TURTLE);
            } catch (IOException e) {
                throw new KgException(f + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        ontology = onto.getGraph();
        String ontoHash = hashes.toString();
        if (!ontoHash.equals(store.graphHash(CKG.ONTOLOGY))) {
            store.replaceGraph(CKG.ONTOLOGY, ontology, ontoHash);
            LOG.info("loaded the ontology: {} triples", ontology.size());
        }
        String gazHash = gazetteer.fingerprint();
        if (!gazHash.equals(store.graphHash(CKG.GAZETTEER_GRAPH))) {
            long t0 = System.nanoTime();
            Model g = GazetteerGraphBuilder.build(gazetteer.all());
            store.replaceGraph(CKG.GAZETTEER_GRAPH, g.getGraph(), gazHash);
            LOG.info("loaded the gazetteer: {} places, {} triples ({} ms)", gazetteer.all().size(), g.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Ingests files and folders (a folder: every .txt below it); a bad file is reported and the rest go in. */
    public Summary ingest(List<Path> paths) {
        if (ontology == null) {
            ensureBase();
        }
        List<String> errors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            collect(p, files, errors);
        }
        int written = 0;
        int unchanged = 0;
        int done = 0;
        for (Path f : files) {
            if (strict && !errors.isEmpty()) {
                break;
            }
            done++;
            try {
                if (ingestOne(f, done, files.size())) {
                    written++;
                } else {
                    unchanged++;
                }
            } catch (KgException e) {
                errors.add(e.getMessage());
                LOG.error("{}", e.getMessage());
            }
        }
        return new Summary(written, unchanged, errors.size(), errors);
    }

    private void collect(Path p, List<Path> files, List<String> errors) {
        if (!Files.exists(p)) {
            String msg = p + ": no such file or folder";
            errors.add(msg);
            LOG.error("{}", msg);
            return;
        }
        if (!Files.isDirectory(p)) {
            files.add(p);
            return;
        }
        if (!Files.isReadable(p)) {
            String msg = p + ": folder not readable (permission denied)";
            errors.add(msg);
            LOG.error("{}", msg);
            return;
        }
        try (Stream<Path> s = Files.list(p)) {
            List<Path> children = s.sorted().toList();
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(c)) {
                    collect(c, files, errors);
                } else if (isReport(name)) {
                    files.add(c);
                }
            }
        } catch (IOException e) {
            String msg = p + ": cannot list folder (" + e.getMessage() + ")";
            errors.add(msg);
            LOG.error("{}", msg);
        }
    }

    static boolean isReport(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".text");
    }

    /** Returns true when the report was written, false when the store already had it unchanged. */
    private boolean ingestOne(Path file, int n, int total) {
        long t0 = System.nanoTime();
        Report report = reader.read(file);
        String iri = Iris.report(report);
        Extraction x = extractor.extract(report);
        Model m = ReportGraphBuilder.build(x);
        validate(file, m);
        String hash = fingerprint(m);
        if (hash.equals(store.graphHash(iri))) {
            LOG.info("[{}/{}] {}: unchanged", n, total, file.getFileName());
            return false;
        }
        store.replaceGraph(iri, m.getGraph(), hash);
        LOG.info("[{}/{}] {}: {} triples, {} events, {} claims ({} ms)", n, total, file.getFileName(), m.size(),
                x.events().size(), x.claims().size(), (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /** A hash of the graph's sorted N-Triples: IRIs are deterministic and there are no blank nodes. */
    static String fingerprint(Model m) {
        List<String> lines = new ArrayList<>();
        m.getGraph().find().forEach(t -> lines.add(t.toString()));
        java.util.Collections.sort(lines);
        return Iris.sha256(String.join("\n", lines));
    }

    private void validate(Path file, Model m) {
        if (shapes == null) {
            try (InputStream in = Ingester.class.getResourceAsStream("/ontology/shapes.ttl")) {
                if (in == null) {
                    throw new KgException("/ontology/shapes.ttl: missing from the jar; rebuild it with mvn package");
                }
                Model sm = ModelFactory.createDefaultModel();
                RDFDataMgr.read(sm, in, Lang.TURTLE);
                shapes = Shapes.parse(sm.getGraph());
            } catch (IOException e) {
                throw new KgException("/ontology/shapes.ttl: cannot read (" + e.getMessage() + ")", e);
            }
        }
        ValidationReport vr = ShaclValidator.get().validate(shapes, new Union(m.getGraph(), ontology));
        if (!vr.conforms()) {
            ReportEntry first = vr.getEntries().iterator().next();
            throw new KgException(file + ": the extracted graph fails the SHACL shapes (" + vr.getEntries().size()
                    + " violations; first: " + first.focusNode() + " " + first.message() + ")");
        }
    }
}
