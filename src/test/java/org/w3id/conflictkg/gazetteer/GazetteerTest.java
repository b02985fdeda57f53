package org.w3id.conflictkg.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.conflictkg.KgException;

/** Tests on the bundled gazetteer, data/gazetteer/places.tsv as the jar carries it. */
class GazetteerTest {
    private static final String KUPIANSK = "703656";
    private static final String KUPIANSK_RAION = "raion-kupiansk-kharkiv";
    private static final String KHARKIV_OBLAST = "706482";
    private static final String UKRAINE = "690791";

    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.loadBundled();
    }

    private static Set<String> keys(String surface) {
        return gazetteer.lookup(surface).stream().map(Place::key).collect(Collectors.toSet());
    }

    @Test
    void bundledGazetteerHoldsMoreThan3000Places() {
        assertTrue(gazetteer.size() > 3000, "places: " + gazetteer.size());
        assertEquals(gazetteer.size(), gazetteer.all().size());
    }

    @Test
    void kupianskIsFoundByItsSpellings() {
        for (String s : List.of("Kupiansk", "Kupyansk", "Kupjansk", "Kup'iansk", "Kup’yans’k", "Купянськ",
                "Куп'янськ", "Купянск", "KUPIANSK")) {
            assertTrue(keys(s).contains(KUPIANSK), s);
        }
        assertEquals(KUPIANSK, gazetteer.lookup("Kupiansk").get(0).key());
    }

    @Test
    void kupianskLiesInItsRaionOblastAndCountry() {
        Place kupiansk = gazetteer.get(KUPIANSK).orElseThrow();
        assertEquals(PlaceType.SETTLEMENT, kupiansk.type());
        assertEquals("Kupiansk", kupiansk.label());
        assertEquals("703656", kupiansk.geonamesId());
        List<String> chain = gazetteer.ancestors(kupiansk).stream().map(Place::key).toList();
        assertEquals(List.of(KUPIANSK_RAION, KHARKIV_OBLAST, UKRAINE), chain);
        assertEquals("Kharkiv Oblast", gazetteer.get(KHARKIV_OBLAST).orElseThrow().label());
        assertEquals(PlaceType.COUNTRY, gazetteer.get(UKRAINE).orElseThrow().type());
    }

    @Test
    void regionFormsFindTheOblastAndTheBareNameTheCity() {
        for (String s : List.of("Kharkiv region", "Kharkiv Oblast", "Kharkivska oblast", "Kharkov region",
                "Kharkiv regional", "Kharkiv province", "region of Kharkiv", "Харківська область")) {
            Set<String> found = keys(s);
            assertTrue(found.contains(KHARKIV_OBLAST), s + " gave " + found);
            assertFalse(found.contains("706483"), s + " should not give the city");
        }
        Set<String> city = keys("Kharkiv");
        assertTrue(city.contains("706483"));
        assertFalse(city.contains(KHARKIV_OBLAST));
        assertTrue(keys("Lugansk region").contains("702657"));
        assertTrue(keys("Zaporozhye region").contains("687699"));
        assertTrue(keys("Belgorod Oblast").contains("578071"));
        assertTrue(keys("Perm region").contains("oblast-perm-krai"));
    }

    @Test
    void districtFormsFindTheRaion() {
        for (String s : List.of("Kupiansk district", "Kupiansk Raion", "Kupianskyi raion", "Kupiansky district",
                "Kupyansk district", "Kupyansky district", "Куп'янський район")) {
            assertTrue(keys(s).contains(KUPIANSK_RAION), s);
        }
        Place raion = gazetteer.get(KUPIANSK_RAION).orElseThrow();
        assertEquals(PlaceType.RAION, raion.type());
        assertEquals(KHARKIV_OBLAST, raion.parentKey());
    }

    @Test
    void possessiveAndLeadingTheAreIgnored() {
        Place donetsk = gazetteer.lookup("Donetsk's").get(0);
        assertEquals("Donetsk", donetsk.label());
        assertEquals("UA", donetsk.countryCode());
        assertTrue(keys("Donetsk region's").contains("709716"));
        assertTrue(keys("the Oskil River").contains("river-oskil"));
        assertTrue(keys("River Oskil").contains("river-oskil"));
        assertTrue(keys("Dnieper").contains("river-dnipro"));
    }

    @Test
    void aNameSharedByPlacesInSeveralOblastsFindsThemAll() {
        List<Place> found = gazetteer.lookup("Kostiantynivka");
        Set<String> oblasts = found.stream()
                .map(p -> gazetteer.ancestors(p).stream().filter(a -> a.type() == PlaceType.OBLAST).findFirst())
                .flatMap(o -> o.stream().map(Place::key))
                .collect(Collectors.toSet());
        assertTrue(oblasts.size() >= 2, "oblasts of Kostiantynivka: " + oblasts);
        assertTrue(oblasts.contains("709716"), "the Donetsk Oblast town is among them");
    }

    @Test
    void labelsFollowEnglishNews() {
        assertEquals("Zaporizhzhia", gazetteer.get("687700").orElseThrow().label());
        assertEquals("Kyiv", gazetteer.get("703448").orElseThrow().label());
        assertTrue(keys("Zaporozhye").contains("687700"));
        assertTrue(keys("Kiev").contains("703448"));
    }

    @Test
    void everyParentIsAPlaceAndEveryChainEndsInACountry() {
        for (Place p : gazetteer.all()) {
            if (p.type() == PlaceType.COUNTRY) {
                continue;
            }
            List<Place> chain = gazetteer.ancestors(p);
            if (p.parentKey() != null) {
                assertFalse(chain.isEmpty(), p.key() + ": parent " + p.parentKey() + " missing");
                assertEquals(PlaceType.COUNTRY, chain.get(chain.size() - 1).type(), p.key());
            }
        }
    }

    @Test
    void shortNamesAndCommonWordsAreNotIndexed() {
        assertTrue(gazetteer.lookup("Ai").isEmpty());
        assertTrue(gazetteer.lookup("").isEmpty());
        assertTrue(gazetteer.lookup(null).isEmpty());
        assertTrue(Gazetteer.isCommonWord("Pole"));
        assertTrue(Gazetteer.isCommonWord("most"));
        assertFalse(Gazetteer.isCommonWord("Kupiansk"));
        Place uman = gazetteer.get("690688").orElseThrow();
        assertTrue(uman.altLabels().contains("Human"), "GeoNames lists Human, the Polish name, for Uman");
        assertFalse(gazetteer.lookup("Human").contains(uman));
        assertTrue(gazetteer.lookup("Uman").contains(uman));
        assertTrue(gazetteer.lookup("Paris").isEmpty(), "Veselyi Kut was once Paris");
    }

    @Test
    void maxNameTokensCoversMultiWordNames() {
        assertTrue(gazetteer.maxNameTokens() >= 4, "max tokens " + gazetteer.maxNameTokens());
    }

    @Test
    void addAllMergesPlacesAndChangesTheFingerprint() {
        Gazetteer g = Gazetteer.of(List.of(new Place(UKRAINE, PlaceType.COUNTRY, "Ukraine", List.of(), UKRAINE,
                null, 50.45, 30.52, 0, "UA")));
        String before = g.fingerprint();
        Place hrodivka = new Place("settlement-hrodivka", PlaceType.SETTLEMENT, "Hrodivka", List.of("Grodovka"),
                null, UKRAINE, null, null, 0, "UA");
        g.addAll(List.of(hrodivka));
        assertEquals(List.of(hrodivka), g.lookup("Grodovka"));
        assertEquals(List.of(g.get(UKRAINE).orElseThrow()), g.ancestors(hrodivka));
        assertNotEquals(before, g.fingerprint());
        assertEquals(gazetteer.fingerprint(), Gazetteer.loadBundled().fingerprint());
    }

    @Test
    void aMalformedFileFailsWithItsNameAndLine(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("places.tsv");
        Files.writeString(tsv, PlaceTsv.HEADER + "\n"
                + "1\tsettlement\tA\t\t\t\t1\t2\t0\tUA\n"
                + "2\tvillage\tB\t\t\t\t\t\t0\tUA\n", StandardCharsets.UTF_8);
        KgException e = assertThrows(KgException.class, () -> Gazetteer.load(tsv));
        assertTrue(e.getMessage().contains("places.tsv:3: unknown type 'village'"), e.getMessage());
    }
}
