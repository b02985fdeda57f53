package org.w3id.conflictkg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimeNormalizerTest {
    private static final LocalDate TUE_2024_11_26 = LocalDate.of(2024, 11, 26);
    private static final LocalDate THU_2024_11_28 = LocalDate.of(2024, 11, 28);

    /** The one time expression the sentence holds. */
    private static TimeValue only(String sentence, LocalDate reportDate) {
        List<TimeNormalizer.Found> found = TimeNormalizer.find(sentence, reportDate);
        assertEquals(1, found.size(), () -> "expected one time in '" + sentence + "', got " + found);
        return found.get(0).value();
    }

    private static void assertPoint(String expected, TimeValue v) {
        assertEquals(expected, v.date(), () -> "point of " + v);
        assertNull(v.start(), () -> "start of " + v);
        assertNull(v.end(), () -> "end of " + v);
    }

    @Test
    void absoluteDateResolvesToThatDay() {
        TimeValue v = only("The depot was hit on November 26, 2024, the regional governor said.", THU_2024_11_28);
        assertPoint("2024-11-26", v);
    }

    @Test
    void foundOffsetsCoverTheExpression() {
        String s = "The depot was hit on November 26, 2024, officials said.";
        TimeNormalizer.Found f = TimeNormalizer.find(s, THU_2024_11_28).get(0);
        assertTrue(s.substring(f.start(), f.end()).contains("November 26, 2024"), s.substring(f.start(), f.end()));
    }

    @Test
    void weekdayResolvesToMostRecentSuchDayOnOrBeforeReportDate() {
        assertPoint("2024-11-26", only("Russian artillery shelled the village on Tuesday, the mayor said.",
                THU_2024_11_28));
    }

    @Test
    void weekdayEqualToReportDayIsTheReportDay() {
        assertPoint("2024-11-28", only("Two drones were shot down on Thursday, the air force said.", THU_2024_11_28));
    }

    @Test
    void earlyMonthWithoutYearIsThatMonthOfTheReportYear() {
        TimeValue v = only("The bridge was damaged in early September, residents recalled.", TUE_2024_11_26);
        assertPoint("2024-09", v);
        assertEquals(7, v.precision(), "a gYearMonth");
    }

    @Test
    void sinceEarlyMonthIsAnOpenSpanStartingThatMonth() {
        TimeValue v = only("The town has been shelled every day since early September.", TUE_2024_11_26);
        assertNull(v.date());
        assertEquals("2024-09", v.start());
        assertNull(v.end());
    }

    @Test
    void autumnOfYearIsThatYearSpanningSeptemberToNovember() {
        TimeValue v = only("Ukrainian troops liberated the town in the autumn of 2022.", TUE_2024_11_26);
        assertEquals("2022", v.date());
        assertEquals("2022-09", v.start());
        assertEquals("2022-11", v.end());
    }

    @Test
    void lastSixMonthsSpansBackFromTheReportDate() {
        TimeValue v = only("In the last six months the city lost power repeatedly.", TUE_2024_11_26);
        assertNull(v.date());
        assertEquals("2024-05-26", v.start());
        assertEquals("2024-11-26", v.end());
    }

    @Test
    void monthDayLaterInTheYearThanAJanuaryReportIsLastYear() {
        assertPoint("2024-12-28", only("A rocket hit the market on December 28, police said.", LocalDate.of(2025, 1, 5)));
    }

    @Test
    void monthLaterInTheYearThanAJanuaryReportIsLastYear() {
        assertPoint("2024-12", only("The school was evacuated in December, the council said.", LocalDate.of(2025, 1, 5)));
    }

    @Test
    void lastMonthInJanuaryIsDecemberOfLastYear() {
        assertPoint("2024-12", only("Shelling intensified last month, the governor said.", LocalDate.of(2025, 1, 10)));
    }

    @Test
    void yesterdayIsTheDayBeforeTheReport() {
        assertPoint("2024-11-25", only("Three drones were shot down yesterday, the army said.", TUE_2024_11_26));
    }

    @Test
    void lastNightIsTheDayBeforeTheReport() {
        assertPoint("2024-11-25", only("A fire broke out at the depot last night.", TUE_2024_11_26));
    }

    @Test
    void withoutReportDateWeekdayStaysUnresolved() {
        assertTrue(TimeNormalizer.find("The village was shelled on Tuesday.", null).isEmpty());
    }

    @Test
    void withoutReportDateMonthWithoutYearStaysUnresolved() {
        assertTrue(TimeNormalizer.find("The bridge was damaged in early September.", null).isEmpty());
    }

    @Test
    void withoutReportDateAbsoluteDateStillResolves() {
        assertPoint("2024-11-26", only("The depot was hit on November 26, 2024.", null));
    }

    @Test
    void inYearIsThatYear() {
        TimeValue v = only("The railway bridge was first damaged in 2022.", TUE_2024_11_26);
        assertPoint("2022", v);
        assertEquals(4, v.precision());
    }

    @Test
    void modalMayIsNotTheMonthOfMay() {
        assertTrue(TimeNormalizer.find("Russian forces may try to cross the river again, officials warned.",
                TUE_2024_11_26).isEmpty());
    }
}
