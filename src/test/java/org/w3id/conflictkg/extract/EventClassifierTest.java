package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventClassifierTest {
    /** The one trigger in the sentence, checked to be of the given class and top category. */
    private static EventClassifier.Trigger assertOnly(String sentence, EventType type, EventType top) {
        List<EventClassifier.Trigger> t = EventClassifier.find(sentence);
        assertEquals(1, t.size(), () -> "expected one trigger in '" + sentence + "', got " + t);
        assertEquals(type, t.get(0).type());
        assertEquals(top, t.get(0).type().top());
        return t.get(0);
    }

    @Test
    void capturedIsACaptureControlChange() {
        EventClassifier.Trigger t = assertOnly("Russian units captured the village after a week.",
                EventType.CAPTURE, EventType.CONTROL_CHANGE);
        assertFalse(t.weak());
    }

    @Test
    void liberatedIsALiberationControlChange() {
        assertOnly("Ukrainian troops liberated the settlement on the left bank.", EventType.LIBERATION,
                EventType.CONTROL_CHANGE);
    }

    @Test
    void repelledAttemptsToInfiltrateAreGroundAssault() {
        List<EventClassifier.Trigger> t = EventClassifier.find(
                "The defenders repelled attempts to infiltrate the northern outskirts.");
        assertFalse(t.isEmpty());
        assertTrue(t.stream().allMatch(x -> x.type().top() == EventType.GROUND_ASSAULT), t::toString);
        assertTrue(t.stream().anyMatch(x -> x.type() == EventType.REPELLED_ATTACK), t::toString);
    }

    @Test
    void shelledIsShelling() {
        assertOnly("The enemy shelled the riverside district.", EventType.SHELLING, EventType.SHELLING);
    }

    @Test
    void guidedAerialBombsDroppedAreAGuidedBombAirStrike() {
        assertOnly("Four guided aerial bombs were dropped on the town.", EventType.GUIDED_BOMB_STRIKE,
                EventType.AIR_STRIKE);
    }

    @Test
    void evacuatedIsEvacuation() {
        assertOnly("About two hundred children were evacuated from the frontline town.", EventType.EVACUATION,
                EventType.EVACUATION);
    }

    @Test
    void killedIsCasualties() {
        assertOnly("A woman was killed in her garden.", EventType.CASUALTIES, EventType.CASUALTIES);
    }

    @Test
    void dronesAttackedIsADroneAirStrike() {
        assertOnly("Enemy drones attacked the port overnight.", EventType.DRONE_STRIKE, EventType.AIR_STRIKE);
    }

    @Test
    void weaponReceivedWithoutAttackIsNoEvent() {
        List<EventClassifier.Trigger> t = EventClassifier.find(
                "The army received rocket systems from the Czech Republic.");
        assertTrue(t.isEmpty(), t::toString);
    }

    @Test
    void struckAloneIsAWeakTrigger() {
        EventClassifier.Trigger t = assertOnly("A warehouse was struck late in the evening.", EventType.AIR_STRIKE,
                EventType.AIR_STRIKE);
        assertTrue(t.weak());
    }
}
