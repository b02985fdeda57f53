package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PersonFinderTest {
    private static PersonFinder.Found only(String sentence) {
        List<PersonFinder.Found> found = PersonFinder.find(sentence);
        assertEquals(1, found.size(), () -> "expected one person in '" + sentence + "', got " + found);
        PersonFinder.Found f = found.get(0);
        assertEquals(f.name(), sentence.substring(f.start(), f.end()), "offsets cover the name");
        return f;
    }

    @Test
    void titleBeforeNameGivesTheRole() {
        PersonFinder.Found f = only("Kharkiv Oblast Governor Oleh Syniehubov said two houses were damaged.");
        assertEquals("Oleh Syniehubov", f.name());
        assertEquals("governor", f.role());
    }

    @Test
    void titleOfAGroupInAppositionBeforeTheName() {
        PersonFinder.Found f = only("The spokesperson for the Khortytsia group of forces, Nazar Voloshyn, announced "
                + "that the assault had stopped.");
        assertEquals("Nazar Voloshyn", f.name());
        assertEquals("spokesperson", f.role());
    }

    @Test
    void titleInAppositionAfterTheName() {
        PersonFinder.Found f = only("Oleksandr Prokudin, the head of Kherson regional military administration, "
                + "announced a curfew.");
        assertEquals("Oleksandr Prokudin", f.name());
        assertEquals("head", f.role());
    }

    @Test
    void spokesmanIsNormalisedToSpokesperson() {
        PersonFinder.Found f = only("The army spokesman Volodymyr Fityo said the bridge held.");
        assertEquals("Volodymyr Fityo", f.name());
        assertEquals("spokesperson", f.role());
    }

    @Test
    void organisationAcronymBetweenTitleAndNameIsNotPartOfTheName() {
        PersonFinder.Found f = only("Later the head of Kharkiv RMA Oleh Syniehubov said the fire was out.");
        assertEquals("Oleh Syniehubov", f.name());
        assertFalse(f.name().contains("RMA"));
        assertEquals("head", f.role());
    }

    @Test
    void surnameBeforeAttributionVerbIsAPersonWithoutRole() {
        PersonFinder.Found f = only("Gladkov said the shelling damaged a school.");
        assertEquals("Gladkov", f.name());
        assertNull(f.role());
    }

    @Test
    void capitalCitySpeakingIsNotAPerson() {
        List<PersonFinder.Found> found = PersonFinder.find("Moscow said the drones were shot down.");
        assertTrue(found.isEmpty(), found::toString);
    }

    @Test
    void anOblastBeforeATitleIsNoPerson() {
        PersonFinder.Found f = only("Russian troops have taken Novopil, a village in Mykolaiv Oblast, Russian Defence "
                + "Ministry spokesman Igor Konashenkov said.");
        assertEquals("Igor Konashenkov", f.name());
        assertEquals("spokesperson", f.role());
        f = only("Ukrainian forces have retaken Lozove in Sumy Oblast, the head of the regional administration, "
                + "Ivan Dovhan, said.");
        assertEquals("Ivan Dovhan", f.name());
    }
}
