package org.w3id.conflictkg.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.extract.EventRec;
import org.w3id.conflictkg.extract.Extraction;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.extract.Stance;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.PlaceType;
import org.w3id.conflictkg.rdf.ReportGraphBuilder;

/**
 * The synthetic corpus: deterministic per seed and report number, on disk as ingest reads it, and meaningful to the
 * extractor.
 */
class SynthCorpusTest {
    private static Gazetteer gazetteer;
    private static SynthCorpus corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.loadBundled();
        corpus = new SynthCorpus(gazetteer, 42);
    }

    @Test
    void theSameSeedGivesByteIdenticalReports() {
        SynthCorpus again = new SynthCorpus(Gazetteer.loadBundled(), 42);
        for (int i = 0; i < 300; i++) {
            assertEquals(corpus.text(i), again.text(i), "text of report " + i);
            assertEquals(corpus.sidecar(i), again.sidecar(i), "sidecar of report " + i);
        }
    }

    @Test
    void differentSeedsGiveDifferentReports() {
        SynthCorpus other = new SynthCorpus(gazetteer, 43);
        int same = 0;
        for (int i = 0; i < 200; i++) {
            same += corpus.text(i).equals(other.text(i)) ? 1 : 0;
        }
        assertTrue(same <= 2, same + " of 200 reports are the same under seeds 42 and 43");
    }

    @Test
    void aReportDependsOnlyOnTheSeedAndItsNumber() throws IOException {
        Path small = dir.resolve("small");
        Path large = dir.resolve("large");
        corpus.write(small, 40, null);
        corpus.write(large, 250, null);
        for (int i = 39; i >= 0; i--) {
            Path a = SynthCorpus.file(small, i);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(SynthCorpus.file(large, i)), a.toString());
            assertEquals(corpus.text(i), Files.readString(a, StandardCharsets.UTF_8), a.toString());
            Path meta = ReportReader.sidecarOf(a);
            String sidecar = corpus.sidecar(i);
            assertEquals(sidecar, Files.exists(meta) ? Files.readString(meta, StandardCharsets.UTF_8) : null,
                    meta.toString());
        }
    }

    @Test
    void writesAThousandReportsToAFolderAndAboutHalfWithASidecar() throws IOException {
        SynthCorpus.Written w = corpus.write(dir, 1_205, null);
        assertEquals(1_205, w.reports());
        assertEquals(1_000, countFiles(dir.resolve("000"), ".txt"));
        assertEquals(205, countFiles(dir.resolve("001"), ".txt"));
        assertEquals(w.sidecars(), countFiles(dir, ".meta.json"));
        assertTrue(w.sidecars() > 1_205 * 0.4 && w.sidecars() < 1_205 * 0.6, w.sidecars() + " sidecars of 1,205");
        assertEquals("synth-000042", SynthCorpus.name(42));
        assertEquals(dir.resolve("001").resolve("synth-001204.txt"), SynthCorpus.file(dir, 1_204));
    }

    @Test
    void aSecondWriteRemovesSidecarsTheReportsNoLongerHave() throws IOException {
        new SynthCorpus(gazetteer, 7).write(dir, 60, null);
        SynthCorpus.Written w = corpus.write(dir, 60, null);
        assertEquals(w.sidecars(), countFiles(dir, ".meta.json"));
    }

    @Test
    void reportsReadBackWithTitleDateAndUniqueUrls() throws IOException {
        corpus.write(dir, 300, null);
        ReportReader reader = new ReportReader();
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String text = corpus.text(i);
            String[] lines = text.split("\n", 3);
            assertFalse(lines[0].isBlank(), "report " + i + " has no title");
            assertEquals("", lines[1], "report " + i + ": no blank line after the title");
            assertFalse(text.contains("null") || text.contains("  ") || text.contains("\n\n\n") || text.contains(" ,"),
                    "report " + i + " is garbled:\n" + text);
            Report r = reader.read(SynthCorpus.file(dir, i));
            assertNotNull(r.issued(), "report " + i + " has no date:\n" + text);
            assertEquals(corpus.date(i), r.issued(), "report " + i);
            assertFalse(r.issued().isBefore(SynthCorpus.FIRST_DAY) || r.issued().isAfter(SynthCorpus.LAST_DAY));
            if (r.url() != null) {
                assertTrue(urls.add(r.url()), "url used twice: " + r.url());
            }
        }
    }

    /**
     * The point of the corpus: the real extractor reads claims out of nearly every report, resolves a place of the
     * gazetteer in each, finds denials, and dates events in the years of the war.
     */
    @Test
    void theExtractorFindsClaimsPlacesDenialsAndDates() throws IOException {
        int n = 200;
        corpus.write(dir, n, null);
        Extractor extractor = new Extractor(gazetteer);
        ReportReader reader = new ReportReader();
        int withClaims = 0;
        int withDenials = 0;
        int withSettlement = 0;
        List<String> unresolved = new ArrayList<>();
        int events = 0;
        int dated = 0;
        long triples = 0;
        List<String> badYears = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Extraction x = extractor.extract(reader.read(SynthCorpus.file(dir, i)));
            withClaims += x.claims().isEmpty() ? 0 : 1;
            withDenials += x.claims().stream().anyMatch(c -> c.stance() == Stance.DENIED) ? 1 : 0;
            withSettlement += x.places().stream().anyMatch(p -> p.inGazetteer() && p.type() == PlaceType.SETTLEMENT)
                    ? 1 : 0;
            String place = corpus.place(i);
            if (x.places().stream().noneMatch(p -> p.inGazetteer() && p.label().equals(place))) {
                unresolved.add(i + ": " + place);
            }
            for (EventRec e : x.events()) {
                events++;
                if (e.time() != null && e.time().anchor() != null) {
                    dated++;
                    int year = Integer.parseInt(e.time().anchor().substring(0, 4));
                    if (year < 2022 || year > 2026) {
                        badYears.add(i + ": " + e.time());
                    }
                }
            }
            triples += ReportGraphBuilder.build(x, gazetteer).size();
        }
        assertTrue(withClaims >= n * 0.97, withClaims + " of " + n + " reports have claims");
        assertEquals(n, withSettlement, "reports with a gazetteer settlement");
        assertTrue(unresolved.isEmpty(), "the place a report is about is not resolved: " + unresolved);
        assertTrue(withDenials >= n / 20, withDenials + " of " + n + " reports have a denial");
        assertTrue(dated >= events / 2, dated + " of " + events + " events are dated");
        assertTrue(badYears.isEmpty(), "events dated outside 2022-2026: " + badYears);
        assertTrue(triples >= 30L * n, triples + " triples for " + n + " reports");
    }

    @Test
    void datesSpanTheWarAndPlacesAreMany() {
        assertTrue(corpus.placeCount() > 500, corpus.placeCount() + " places");
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            days.add(corpus.date(i));
        }
        assertTrue(days.stream().anyMatch(d -> d.getYear() == 2022) && days.stream().anyMatch(d -> d.getYear() == 2026),
                "dates do not span 2022-2026");
    }

    private static long countFiles(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
