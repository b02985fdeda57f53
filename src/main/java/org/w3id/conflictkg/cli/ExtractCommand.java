package org.w3id.conflictkg.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.rdf.CKG;
import org.w3id.conflictkg.rdf.Iris;
import org.w3id.conflictkg.rdf.ReportGraphBuilder;
import org.w3id.conflictkg.report.Report;
import org.w3id.conflictkg.report.ReportReader;

/** {@code extract}: shows what ingest would store for some reports, as TriG on standard output, storing nothing. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract reports and print their graphs as TriG, without a store: a dry run of ingest.",
            "Useful to check what ConflictKG reads out of a new source before ingesting it."})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Report files.")
    List<Path> files;

    @Override
    public Integer call() {
        Gazetteer gazetteer = Gazetteer.loadBundled();
        Extractor extractor = new Extractor(gazetteer);
        ReportReader reader = new ReportReader();
        Dataset out = DatasetFactory.create();
        out.getDefaultModel().setNsPrefix("ckg", CKG.NS).setNsPrefix("id", CKG.ID)
                .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
                .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
                .setNsPrefix("dct", "http://purl.org/dc/terms/");
        int failed = 0;
        for (Path f : files) {
            try {
                Report r = reader.read(f);
                out.addNamedModel(Iris.report(r), ReportGraphBuilder.build(extractor.extract(r), gazetteer));
            } catch (KgException e) {
                System.err.println("error: " + e.getMessage());
                failed++;
            }
        }
        PrintStream ps = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        RDFDataMgr.write(ps, out, Lang.TRIG);
        ps.flush();
        return failed == 0 ? 0 : 1;
    }
}
