package org.w3id.conflictkg.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameFolderTest {

    private static void assertFoldAlike(List<String> names) {
        String first = NameFolder.fold(names.get(0));
        for (String n : names) {
            assertEquals(first, NameFolder.fold(n), () -> n + " should fold like " + names.get(0));
        }
    }

    @Test
    void transliterationsOfKupianskFoldAlike() {
        assertFoldAlike(List.of("Kupiansk", "Kupyansk", "Kupjansk", "Kup'iansk", "Kup’yans’k", "Kupiańsk",
                "KUPIANSK", "Kup”yans’k"));
    }

    @Test
    void digraphsDoubledLettersAndEndingsFoldAlike() {
        assertFoldAlike(List.of("Zaporizhzhia", "Zaporizhzhya", "Zaporizhia", "Zaporizhja", "Zaporižžja"));
        assertFoldAlike(List.of("Sievierodonetsk", "Severodonetsk", "Syevyerodonetsk", "Sjevjerodonetsk"));
        assertFoldAlike(List.of("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky", "Khmelnytskiy"));
        assertFoldAlike(List.of("Shchastia", "Schastia", "Ščastia"));
        assertFoldAlike(List.of("Huliaipole", "Gulyaipole", "Hulyaypole"));
        assertFoldAlike(List.of("Kyiv", "Kyyiv", "KYIV"));
        assertFoldAlike(List.of("Ivano-Frankivsk", "Ivano Frankivsk", "Ivanofrankivsk"));
    }

    @Test
    void namesThatDifferInAVowelOrAWordDoNotFoldAlike() {
        assertNotEquals(NameFolder.fold("Kharkiv"), NameFolder.fold("Kharkov"));
        assertNotEquals(NameFolder.fold("Kyiv"), NameFolder.fold("Kiev"));
        assertNotEquals(NameFolder.fold("Kupiansk"), NameFolder.fold("Kupiansk-Vuzlovyi"));
        assertNotEquals(NameFolder.fold("Pokrovsk"), NameFolder.fold("Pokrovske"));
        assertNotEquals(NameFolder.fold("Izium"), NameFolder.fold("Izmail"));
        assertNotEquals(NameFolder.fold("Sumy"), NameFolder.fold("Sambir"));
    }

    @Test
    void cyrillicIsOnlyLowerCasedAndStrippedOfApostrophes() {
        assertEquals("купянськ", NameFolder.fold("Купянськ"));
        assertEquals(NameFolder.fold("Купянськ"), NameFolder.fold("Куп’янськ"));
        assertEquals(NameFolder.fold("Купянськ"), NameFolder.fold("Куп'янськ"));
        assertEquals(NameFolder.fold("Тёткино"), NameFolder.fold("Теткино"));
        assertNotEquals(NameFolder.fold("Купянськ"), NameFolder.fold("Купянск"));
    }

    @Test
    void emptyInputFoldsToEmpty() {
        assertEquals("", NameFolder.fold(null));
        assertEquals("", NameFolder.fold(""));
        assertEquals("", NameFolder.fold("’ - '"));
    }
}
