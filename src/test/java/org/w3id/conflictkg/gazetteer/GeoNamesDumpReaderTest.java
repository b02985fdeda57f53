package org.w3id.conflictkg.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code gazetteer/UA-sample.txt}, in GeoNames' dump format: Kupiansk, Zernovoye and Belgorod as cities500
 * has them; the Kharkiv Oblast division; a raion, a river and a railway station written for the test (their ids,
 * above 99000000, are made up); and two malformed lines.
 */
class GeoNamesDumpReaderTest {
    private static GeoNamesDumpReader.Result result;
    private static Map<String, Place> byKey;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GeoNamesDumpReaderTest.class.getResource("/gazetteer/" + name).toURI());
    }

    @BeforeAll
    static void read() throws URISyntaxException {
        Map<String, String> admin1 = GeoNamesDumpReader.readAdmin1Codes(resource("admin1-sample.tsv"));
        result = new GeoNamesDumpReader(admin1).read(resource("UA-sample.txt"));
        byKey = result.places().stream().collect(Collectors.toMap(Place::key, Function.identity()));
    }

    @Test
    void keptFeaturesBecomePlacesOfTheirType() {
        assertEquals(6, result.places().size());
        assertEquals(PlaceType.SETTLEMENT, byKey.get("703656").type());
        assertEquals(PlaceType.OBLAST, byKey.get("706482").type());
        assertEquals(PlaceType.RAION, byKey.get("99000001").type());
        assertEquals(PlaceType.RIVER, byKey.get("99000002").type());
        assertEquals(1, result.ignoredLines(), "the railway station is not a place kind we keep");
    }

    @Test
    void malformedLinesAreSkippedAndReportedWithFileAndLine() {
        assertEquals(2, result.malformedLines());
        assertEquals(2, result.problems().size());
        assertTrue(result.problems().get(0).contains("UA-sample.txt:6: expected 19 tab-separated columns, found 5"),
                result.problems().get(0));
        assertTrue(result.problems().get(1).contains("UA-sample.txt:8: latitude 'north' is not a number"),
                result.problems().get(1));
    }

    @Test
    void parentsResolveThroughTheFileAndTheAdmin1Codes() {
        assertEquals("99000001", byKey.get("703656").parentKey(), "settlement in the raion of its admin2 code");
        assertEquals("706482", byKey.get("99000001").parentKey(), "raion in its oblast");
        assertEquals("690791", byKey.get("706482").parentKey(), "oblast in its country");
        assertEquals("703883", byKey.get("687284").parentKey(), "no raion row: the oblast from the admin1 codes");
        assertEquals("578071", byKey.get("578072").parentKey());
        assertEquals("690791", byKey.get("99000002").parentKey());
    }

    @Test
    void fieldsAreParsed() {
        Place kupiansk = byKey.get("703656");
        assertEquals("Kupiansk", kupiansk.label());
        assertEquals("703656", kupiansk.geonamesId());
        assertEquals(49.71003, kupiansk.lat(), 1e-9);
        assertEquals(37.61581, kupiansk.lon(), 1e-9);
        assertEquals(27169, kupiansk.population());
        assertEquals("UA", kupiansk.countryCode());
    }

    @Test
    void onlyLatinUkrainianAndRussianVariantsAreKept() {
        Place kupiansk = byKey.get("703656");
        assertTrue(kupiansk.altLabels().containsAll(List.of("Kupyansk", "Kup'jansk", "Купянськ",
                "Куп’янськ", "Купянск")));
        assertFalse(kupiansk.altLabels().contains("kwpyansk"), "lower-case romanisation of another script");
        assertFalse(kupiansk.altLabels().contains("ku pi yang si ke"));
        assertFalse(kupiansk.altLabels().contains("Купјанск"), "Serbian Cyrillic");
        assertFalse(kupiansk.altLabels().contains("庫皮揚斯克"));
        assertFalse(kupiansk.altLabels().contains("Kupiansk"), "the label is not repeated");
    }

    @Test
    void russianBasedNamesOfUkrainianPlacesGetTheUkrainianForm() {
        Place zernove = byKey.get("687284");
        assertEquals("Zernove", zernove.label());
        assertTrue(zernove.altLabels().contains("Zernovoye"));
        assertEquals("Belgorod", byKey.get("578072").label());
    }
}
