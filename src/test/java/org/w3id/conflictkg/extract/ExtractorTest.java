package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.report.Report;

/** The whole extractor on short reports written for these tests: the hard cases of attribution, place and time. */
class ExtractorTest {
    private static Gazetteer gazetteer;
    private static Extractor extractor;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.loadBundled();
        extractor = new Extractor(gazetteer);
    }

    private static Extraction extract(String date, String text) {
        return extractor.extract(new Report("t.txt", text.lines().findFirst().orElse(""),
                date == null ? null : LocalDate.parse(date), null, null, text, "0"));
    }

    private static Agent agent(Extraction x, String key) {
        return x.agents().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow(
                () -> new AssertionError("no agent " + key + " in " + x.agents()));
    }

    private static String label(Extraction x, ClaimRec c) {
        return agent(x, c.claimantKey()).label();
    }

    private static EventRec event(Extraction x, int id) {
        return x.events().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private static Optional<PlaceRef> place(Extraction x, String key) {
        return x.places().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    private static String oblastOf(String key) {
        Place p = gazetteer.get(key).orElseThrow();
        return gazetteer.ancestors(p).stream().filter(a -> a.type() == org.w3id.conflictkg.gazetteer.PlaceType.OBLAST)
                .map(Place::label).findFirst().orElse("?");
    }

    @Test
    void nestedAttributionCreditsTheInnerSpeaker() {
        Extraction x = extract("2025-02-11", """
                Officials trade claims over Kupiansk
                Kharkiv Oblast Governor Oleh Syniehubov said on Tuesday that the Russian Defence Ministry had \
                claimed its troops captured Kindrashivka, north of Kupiansk.""");
        ClaimRec capture = x.claims().stream().filter(c -> event(x, c.eventId()).type().top()
                == EventType.CONTROL_CHANGE).findFirst().orElseThrow(() -> new AssertionError(x.claims().toString()));
        assertEquals("Russian Defence Ministry", label(x, capture));
        assertEquals(Stance.HEDGED, capture.stance());
        PlaceRef where = place(x, event(x, capture.eventId()).placeKey()).orElseThrow();
        assertEquals("Kindrashivka", where.label());
    }

    @Test
    void aDenialIsAClaimThatDeniesTheClaimItAnswers() {
        Extraction x = extract("2024-12-10", """
                Russia says it took Hrodivka; Kyiv says no
                The Russian Defence Ministry claimed on Tuesday that its forces had captured Hrodivka in Donetsk Oblast.
                "That is not true. Our units still hold Hrodivka," army spokesman Viktor Trehubov said.""");
        ClaimRec claim = x.claims().stream().filter(c -> c.stance() != Stance.DENIED).findFirst().orElseThrow();
        ClaimRec denial = x.claims().stream().filter(c -> c.stance() == Stance.DENIED).findFirst()
                .orElseThrow(() -> new AssertionError("no denial in " + x.claims()));
        assertEquals("Viktor Trehubov", label(x, denial));
        assertEquals(claim.eventId(), denial.eventId(), "both speak of one event");
        assertEquals(claim.id(), denial.deniesId());
        assertEquals(Side.UKRAINE, agent(x, denial.claimantKey()).side(), "a denier opposes the side it denies");
        assertEquals("2024-12-10", event(x, claim.eventId()).time().date());
    }

    @Test
    void twoSameNamedVillagesAreToldApartByTheOblastNamedNearby() {
        Extraction mykolaiv = extract("2024-08-02", """
                Drone attack on a village
                Russian drones struck Anatolivka in Mykolaiv Oblast overnight, the regional administration said.""");
        Extraction odesa = extract("2024-08-02", """
                Drone attack on a village
                Russian drones struck Anatolivka in Odesa Oblast overnight, the regional administration said.""");
        String inMykolaiv = mykolaiv.events().get(0).placeKey();
        String inOdesa = odesa.events().get(0).placeKey();
        assertEquals("Mykolaiv Oblast", oblastOf(inMykolaiv));
        assertEquals("Odesa Oblast", oblastOf(inOdesa));
    }

    @Test
    void aDecemberDateInAJanuaryReportIsLastYear() {
        Extraction x = extract("2025-01-04", """
                Shelling of Kherson
                Russian artillery shelled Kherson on December 29, killing two people, the head of the city \
                administration said.""");
        EventRec e = x.events().get(0);
        assertEquals(EventType.SHELLING, e.type().top());
        assertEquals("2024-12-29", e.time().date());
        assertTrue(e.quantities().stream().anyMatch(q -> q.measure().equals("killed") && q.amount() == 2),
                e.quantities()::toString);
    }

    @Test
    void withoutAReportDateRelativeTimesStayUnresolved() {
        Extraction x = extract(null, """
                Shelling of Nikopol
                Russian forces shelled Nikopol on Tuesday, the regional governor said.""");
        assertNull(x.events().get(0).time());
    }

    @Test
    void surnameLaterResolvesToTheSamePersonWithTheRoleStatedFirst() {
        Extraction x = extract("2024-03-05", """
                Evacuation from Vovchansk
                Kharkiv Oblast Governor Oleh Syniehubov said that 300 people were evacuated from Vovchansk.
                Syniehubov added that Russian guided bombs hit the town again on Monday.""");
        List<Agent> people = x.agents().stream().filter(a -> a.kind() == AgentKind.PERSON).toList();
        assertEquals(1, people.size(), people::toString);
        assertEquals("governor", people.get(0).role());
        assertEquals(Side.UKRAINE, people.get(0).side());
        assertTrue(x.claims().size() >= 2, x.claims()::toString);
        assertTrue(x.claims().stream().allMatch(c -> c.claimantKey().equals(people.get(0).key())));
    }

    @Test
    void quotedSentencesBelongToTheSpeakerNamedAfterTheQuote() {
        Extraction x = extract("2024-06-20", """
                Night attack on Kharkiv
                "The enemy shelled Kharkiv all night. Four people were wounded," Mayor Ihor Terekhov wrote on Telegram.""");
        assertFalse(x.claims().isEmpty());
        assertTrue(x.claims().stream().allMatch(c -> label(x, c).equals("Ihor Terekhov")), x.claims()::toString);
        Agent mayor = agent(x, x.claims().get(0).claimantKey());
        assertEquals("mayor", mayor.role());
    }

    @Test
    void unknownCommunitiesAreMintedInsideTheOblastTheReportIsAbout() {
        Extraction x = extract("2024-10-01", """
                Shelling in Sumy region
                The Sumy Regional Military Administration said the Esman and Zarichne communities were shelled \
                with mortars on Monday.""");
        List<PlaceRef> minted = x.places().stream().filter(p -> !p.inGazetteer()).toList();
        assertFalse(minted.isEmpty(), x.places()::toString);
        PlaceRef any = minted.get(0);
        assertTrue(any.label().endsWith("community"), any.label());
        assertNotNull(any.parentKey());
        assertEquals("Sumy Oblast", gazetteer.get(any.parentKey()).map(Place::label).orElse("?"));
    }
}
