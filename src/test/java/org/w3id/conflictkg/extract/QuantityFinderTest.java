package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuantityFinderTest {
    private static final LocalDate REPORT_DATE = LocalDate.of(2024, 11, 28);

    private static List<QuantityRec> quantities(String sentence) {
        return QuantityFinder.find(sentence, TimeNormalizer.find(sentence, REPORT_DATE)).stream()
                .map(QuantityFinder.Found::quantity).toList();
    }

    private static QuantityRec only(String sentence) {
        List<QuantityRec> q = quantities(sentence);
        assertEquals(1, q.size(), () -> "expected one quantity in '" + sentence + "', got " + q);
        return q.get(0);
    }

    @Test
    void qualifiedThousandsCountTheEvacuated() {
        QuantityRec q = only("Officials said nearly 22,000 civilians have been evacuated from the district.");
        assertEquals(22000, q.amount());
        assertEquals("nearly", q.qualifier());
        assertEquals("evacuated", q.measure());
    }

    @Test
    void killedAndInjuredNumbersEachTakeTheirOwnMeasure() {
        List<QuantityRec> q = quantities("The strike left at least 3 killed and 12 injured.");
        assertEquals(2, q.size(), q::toString);
        assertEquals(3, q.get(0).amount());
        assertEquals("killed", q.get(0).measure());
        assertEquals("at least", q.get(0).qualifier());
        assertEquals(12, q.get(1).amount());
        assertEquals("injured", q.get(1).measure());
        assertNull(q.get(1).qualifier());
    }

    @Test
    void numberWordsCountPeopleKilledAndInjured() {
        List<QuantityRec> q = quantities("Ten people were killed and 22 people were injured in the attack.");
        assertEquals(2, q.size(), q::toString);
        assertEquals(10, q.get(0).amount());
        assertEquals("killed", q.get(0).measure());
        assertEquals(22, q.get(1).amount());
        assertEquals("injured", q.get(1).measure());
    }

    @Test
    void teenNumberWordIsNotReadAsItsFirstDigit() {
        QuantityRec q = only("Fourteen people were injured when the shells landed.");
        assertEquals(14, q.amount());
        assertEquals("injured", q.measure());
    }

    @Test
    void timesIsTheMeasureOfRepeatedFire() {
        QuantityRec q = only("Russian forces fired 31 times at the riverside villages.");
        assertEquals(31, q.amount());
        assertEquals("times", q.measure());
    }

    @Test
    void nounAfterTheNumberIsTheMeasure() {
        QuantityRec q = only("Air defence said 119 drones were shot down over the region.");
        assertEquals(119, q.amount());
        assertEquals("drones", q.measure());
    }

    @Test
    void numbersInsideDatesAreNotQuantities() {
        QuantityRec q = only("On November 26, 2024, 4 people were injured in the city.");
        assertEquals(4, q.amount());
        assertEquals("injured", q.measure());
    }

    @Test
    void ageIsNotACountOfKilled() {
        List<QuantityRec> q = quantities("A 52-year-old man was killed when a shell hit his house.");
        assertTrue(q.stream().noneMatch(r -> r.measure().equals("killed")), q::toString);
    }

    @Test
    void aPrepositionOrVerbAfterTheNumberIsNotWhatItCounts() {
        QuantityRec q = only("Overnight shelling injures three in Nikopol, the governor says.");
        assertEquals(3, q.amount());
        assertEquals("injured", q.measure());
        q = only("After the strike on the depot 22 were injured, medics said.");
        assertEquals(22, q.amount());
        assertEquals("injured", q.measure());
        assertTrue(quantities("Two or three shells fell on the embankment.").stream()
                .noneMatch(x -> x.measure().equals("or")), "no quantity measured in 'or'");
    }

    @Test
    void theCountedNounComesAfterItsModifiers() {
        QuantityRec q = only("Air defence units shot down 11 Russian drones overnight.");
        assertEquals(11, q.amount());
        assertEquals("drones", q.measure());
        assertEquals("11 Russian drones", q.text());
        assertEquals("houses", only("The blast damaged three private houses near the school.").measure());
        assertEquals("drones", only("The army said 24 Shahed-type attack drones were launched.").measure());
        assertEquals("drones", only("Moscow said it destroyed 62 Ukrainian fixed-wing drones.").measure());
        assertTrue(quantities("Air defence downed drones, including 27 over Kursk.").stream()
                .noneMatch(x -> x.measure().equals("over")), "no quantity measured in 'over'");
    }
}
