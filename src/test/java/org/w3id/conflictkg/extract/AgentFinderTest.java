package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AgentFinderTest {
    /** The one agent in the sentence, found without a context side. */
    private static Agent only(String sentence) {
        List<AgentMention> found = AgentFinder.find(sentence, null);
        assertEquals(1, found.size(), () -> "expected one agent in '" + sentence + "', got " + found);
        return found.get(0).agent();
    }

    @Test
    void vostokGroupOfForcesIsARussianForce() {
        Agent a = only("Units of the Vostok (East) group of forces advanced near the river, the statement read.");
        assertEquals(AgentKind.FORCE, a.kind());
        assertEquals(Side.RUSSIA, a.side());
        assertTrue(a.label().startsWith("Vostok"), a.label());
        assertFalse(a.generic());
    }

    @Test
    void khortytsiaGroupOfForcesIsAUkrainianForce() {
        Agent a = only("Fighters of the Khortytsia group of forces held the line.");
        assertEquals(AgentKind.FORCE, a.kind());
        assertEquals(Side.UKRAINE, a.side());
    }

    @Test
    void nationalityAndTroopsIsAGenericForceOfThatSide() {
        Agent a = only("Russian troops entered the outskirts at dawn.");
        assertEquals(AgentKind.FORCE, a.kind());
        assertEquals(Side.RUSSIA, a.side());
        assertEquals("Russian troops", a.label());
        assertTrue(a.generic());
    }

    @Test
    void possessiveCountryArmyIsLabelledByNationality() {
        Agent a = only("Ukraine's army destroyed two bridges.");
        assertEquals(AgentKind.FORCE, a.kind());
        assertEquals(Side.UKRAINE, a.side());
        assertEquals("Ukrainian army", a.label());
    }

    @Test
    void possessiveDefenceMinistryIsAnOrganisationWithACanonicalLabel() {
        Agent a = only("Russia’s defence ministry claimed the drones were intercepted.");
        assertEquals(AgentKind.ORGANISATION, a.kind());
        assertEquals(Side.RUSSIA, a.side());
        assertEquals("Russian Defence Ministry", a.label());
    }

    @Test
    void regionalMilitaryAdministrationIsAnOrganisation() {
        Agent a = only("According to the Sumy Regional Military Administration, the border villages were shelled.");
        assertEquals(AgentKind.ORGANISATION, a.kind());
        assertEquals("Sumy Regional Military Administration", a.label());
    }

    @Test
    void numberedBrigadeIsAForce() {
        Agent a = only("Soldiers of the 3rd Separate Assault Brigade pushed forward.");
        assertEquals(AgentKind.FORCE, a.kind());
        assertEquals("3rd Separate Assault Brigade", a.label());
    }
}
