package org.w3id.conflictkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.gazetteer.ExtraPlaces;
import org.w3id.conflictkg.store.GazetteerLoader;
import org.w3id.conflictkg.store.KgStore;

/** {@code ingest-gazetteer}: adds the places of a GeoNames dump file to the store's gazetteer. */
@Command(name = "ingest-gazetteer", mixinStandardHelpOptions = true,
        description = {"Add the places of a GeoNames dump (UA.txt from download.geonames.org/export/dump/, or any "
                + "file in its 19-column format) to the store's gazetteer.",
            "Places the gazetteer has keep their entry; the new ones go into the gazetteer graph in one transaction "
                + "and into DIR/" + ExtraPlaces.FILE_NAME + ", which later ingests of this store match against.",
            "Malformed lines are skipped with a warning naming file and line."})
final class IngestGazetteerCommand implements Callable<Integer> {
    @Mixin
    StoreOption storeOption;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The GeoNames dump file.")
    Path dump;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (KgStore store = KgStore.open(storeOption.store)) {
            GazetteerLoader.Summary s = GazetteerLoader.load(store, storeOption.store, dump);
            spec.commandLine().getErr().printf("%s: %d places read, %d added, %d completed with a GeoNames id, %d "
                            + "already known, %d raions matched; %d malformed line(s) skipped; gazetteer of %s now %d "
                            + "places (%d ms)%n", dump, s.read(), s.added(), s.completed(), s.known(),
                    s.raionsMatched(), s.malformed(), storeOption.store, s.gazetteerSize(), s.millis());
            return 0;
        }
    }
}
