package org.w3id.conflictkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.extract.Extractor;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.report.Report;

/**
 * The shortcuts a report graph states for the saved queries: on each event its ordering date, month, place label,
 * oblast and raion; on each claim its claimant's label and side, and its event's ordering date and month.
 */
class ReportGraphBuilderTest {
    private static Gazetteer gazetteer;
    private static Model graph;

    @BeforeAll
    static void build() {
        gazetteer = Gazetteer.loadBundled();
        String text = """
                Kupiansk shelled, governor says

                Oleh Syniehubov, head of the Kharkiv regional military administration, said Russian troops shelled \
                Kupiansk on Nov. 5, 2024, injuring two people.
                """;
        Report r = new Report("shortcuts.txt", "Kupiansk shelled, governor says", LocalDate.parse("2024-11-06"),
                null, null, text, "ab".repeat(32));
        graph = ReportGraphBuilder.build(new Extractor(gazetteer).extract(r), gazetteer);
    }

    private static List<Resource> all(Resource type) {
        return graph.listSubjectsWithProperty(RDF.type, type).toList();
    }

    @Test
    void anEventCarriesItsOrderingDateMonthPlaceLabelAndRegions() {
        List<Resource> shellings = graph.listSubjectsWithProperty(CKG.category, CKG.Shelling).toList();
        assertEquals(1, shellings.size(), () -> graph.toString());
        Resource e = shellings.get(0);
        Literal when = e.getProperty(CKG.when).getLiteral();
        assertEquals("2024-11-05", when.getLexicalForm());
        assertEquals("", when.getLanguage());
        assertTrue(when.getDatatypeURI().endsWith("#string"), "a plain string, so ORDER BY sorts without parsing");
        assertEquals("2024-11", e.getProperty(CKG.month).getString());
        Literal place = e.getProperty(CKG.placeLabel).getLiteral();
        assertEquals("Kupiansk", place.getLexicalForm());
        assertEquals("en", place.getLanguage());
        assertEquals(CKG.ID + "place/raion-kupiansk-kharkiv", e.getPropertyResourceValue(CKG.inRaion).getURI());
    }

    @Test
    void aClaimCarriesItsClaimantsLabelAndItsEventsDateAndMonth() {
        List<Resource> claims = all(CKG.Claim);
        assertFalse(claims.isEmpty());
        Resource c = claims.stream().filter(x -> x.getPropertyResourceValue(CKG.asserts)
                .hasProperty(CKG.category, CKG.Shelling)).findFirst().orElseThrow();
        Literal who = c.getProperty(CKG.claimantLabel).getLiteral();
        assertEquals("Oleh Syniehubov", who.getLexicalForm());
        assertEquals("en", who.getLanguage());
        assertEquals(who.getLexicalForm(), c.getPropertyResourceValue(CKG.claimant)
                .getProperty(org.apache.jena.vocabulary.RDFS.label).getString());
        assertEquals("2024-11-05", c.getProperty(CKG.when).getString());
        assertEquals("2024-11", c.getProperty(CKG.month).getString());
        assertEquals(CKG.Ukraine, c.getPropertyResourceValue(CKG.claimantSide));
    }

    @Test
    void monthAndOrderingDateAreAsPreciseAsTheText() {
        assertEquals("2024-11", ReportGraphBuilder.month(new org.w3id.conflictkg.extract.TimeValue(null, "2024-11-05",
                "2024-11-30", null)));
        assertEquals("2024-11-05", ReportGraphBuilder.when(new org.w3id.conflictkg.extract.TimeValue(null,
                "2024-11-05", "2024-11-30", null)));
        assertEquals("2023", ReportGraphBuilder.when(new org.w3id.conflictkg.extract.TimeValue("2023", null, null,
                null)));
    }

    @Test
    void theGazetteerStatesEachPointAsLatitudeAndLongitudeNumbersToo() {
        Model g = GazetteerGraphBuilder.build(gazetteer.all());
        Resource kupiansk = g.getResource(CKG.ID + "place/703656");
        Literal lat = kupiansk.getProperty(Vocab.lat).getLiteral();
        Literal lon = kupiansk.getProperty(Vocab.lon).getLiteral();
        assertTrue(lat.getDatatypeURI().endsWith("#decimal"), lat::toString);
        assertEquals(49.71, lat.getDouble(), 0.01);
        assertEquals(37.62, lon.getDouble(), 0.01);
        String wkt = kupiansk.getPropertyResourceValue(Vocab.hasGeometry).getProperty(Vocab.asWKT).getString();
        assertEquals("POINT(" + lon.getLexicalForm() + " " + lat.getLexicalForm() + ")", wkt);
    }
}
