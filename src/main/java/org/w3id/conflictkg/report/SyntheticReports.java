package org.w3id.conflictkg.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3id.conflictkg.KgException;

/**
 * Writes synthetic but realistic reports (real places and regional officials, five kinds of event, a dateline each,
 * every third with a sidecar) for load and crash tests; report {@code i} is always the same text.
 */
public final class SyntheticReports {
    /** A town, its oblast and the head of that oblast's military administration. */
    private record Town(String name, String oblast, String adjective, String official) {
    }

    private static final List<Town> TOWNS = List.of(
            new Town("Kharkiv", "Kharkiv Oblast", "Kharkiv", "Oleh Syniehubov"),
            new Town("Kupiansk", "Kharkiv Oblast", "Kharkiv", "Oleh Syniehubov"),
            new Town("Vovchansk", "Kharkiv Oblast", "Kharkiv", "Oleh Syniehubov"),
            new Town("Izium", "Kharkiv Oblast", "Kharkiv", "Oleh Syniehubov"),
            new Town("Chuhuiv", "Kharkiv Oblast", "Kharkiv", "Oleh Syniehubov"),
            new Town("Nikopol", "Dnipropetrovsk Oblast", "Dnipropetrovsk", "Serhiy Lysak"),
            new Town("Marhanets", "Dnipropetrovsk Oblast", "Dnipropetrovsk", "Serhiy Lysak"),
            new Town("Kryvyi Rih", "Dnipropetrovsk Oblast", "Dnipropetrovsk", "Serhiy Lysak"),
            new Town("Zaporizhzhia", "Zaporizhzhia Oblast", "Zaporizhzhia", "Ivan Fedorov"),
            new Town("Orikhiv", "Zaporizhzhia Oblast", "Zaporizhzhia", "Ivan Fedorov"),
            new Town("Huliaipole", "Zaporizhzhia Oblast", "Zaporizhzhia", "Ivan Fedorov"),
            new Town("Pokrovsk", "Donetsk Oblast", "Donetsk", "Vadym Filashkin"),
            new Town("Kramatorsk", "Donetsk Oblast", "Donetsk", "Vadym Filashkin"),
            new Town("Sloviansk", "Donetsk Oblast", "Donetsk", "Vadym Filashkin"),
            new Town("Myrnohrad", "Donetsk Oblast", "Donetsk", "Vadym Filashkin"),
            new Town("Druzhkivka", "Donetsk Oblast", "Donetsk", "Vadym Filashkin"),
            new Town("Sumy", "Sumy Oblast", "Sumy", "Volodymyr Artiukh"),
            new Town("Shostka", "Sumy Oblast", "Sumy", "Volodymyr Artiukh"),
            new Town("Okhtyrka", "Sumy Oblast", "Sumy", "Volodymyr Artiukh"),
            new Town("Kherson", "Kherson Oblast", "Kherson", "Oleksandr Prokudin"),
            new Town("Beryslav", "Kherson Oblast", "Kherson", "Oleksandr Prokudin"),
            new Town("Ochakiv", "Mykolaiv Oblast", "Mykolaiv", "Vitaliy Kim"),
            new Town("Odesa", "Odesa Oblast", "Odesa", "Oleh Kiper"));

    private static final String[] NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);

    private SyntheticReports() {
    }

    /** Writes reports 0..n-1 into a folder (created when missing) and returns the report files in order. */
    public static List<Path> write(Path folder, int n) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < n; i++) {
                String name = String.format(Locale.ROOT, "synthetic-%05d", i);
                Path file = folder.resolve(name + ".txt");
                Files.writeString(file, text(i), StandardCharsets.UTF_8);
                if (i % 3 == 0) {
                    Files.writeString(folder.resolve(name + ".meta.json"), "{\"url\": "
                            + "\"https://example.org/conflictkg-synthetic/" + name + "\", \"published\": \""
                            + date(i) + "\", \"source\": \"ConflictKG synthetic\"}\n", StandardCharsets.UTF_8);
                }
                files.add(file);
            }
        } catch (IOException e) {
            throw new KgException(folder + ": cannot write synthetic reports (" + e.getMessage() + ")", e);
        }
        return files;
    }

    static LocalDate date(int i) {
        return FIRST_DAY.plusDays(i);
    }

    /** The text of report {@code i}: a title line, a dateline and a few attributed sentences. */
    public static String text(int i) {
        Town t = TOWNS.get(i % TOWNS.size());
        Town near = TOWNS.get((i * 7 + 3) % TOWNS.size());
        LocalDate d = date(i);
        String dateline = t.name().toUpperCase(Locale.ROOT) + ", "
                + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getDayOfMonth() + ", "
                + d.getYear() + " — ";
        String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String surname = t.official().substring(t.official().indexOf(' ') + 1);
        int injured = 2 + i % 17;
        int killed = 1 + i % 5;
        String count = NUMBERS[i % NUMBERS.length];
        String head = "head of the " + t.adjective() + " regional military administration";
        return switch (i % 5) {
            case 0 -> "Russian shelling of " + t.name() + " injures " + injured + ", governor says\n\n"
                    + dateline + "Russian forces shelled " + t.name() + " in " + t.oblast() + " with artillery "
                    + "overnight, injuring " + injured + " civilians, " + t.official() + ", " + head + ", said on "
                    + weekday + ".\n\n\"The enemy shelled residential streets of " + t.name() + " until dawn,\" "
                    + surname + " wrote on Telegram. Rescue crews worked through the morning, he said.\n";
            case 1 -> "Drone strike on " + t.name() + " kills " + killed + "\n\n"
                    + dateline + "A Russian drone strike on " + t.name() + " killed " + killed + " people and "
                    + "injured " + injured + " others on " + weekday + ", " + t.official() + ", " + head
                    + ", said.\n\nUkraine's Air Force said air defences shot down " + (10 + i % 30)
                    + " drones over " + t.oblast() + " overnight.\n";
            case 2 -> "Ukraine says it repelled " + count + " assaults near " + t.name() + "\n\n"
                    + dateline + "Ukrainian troops repelled " + count + " Russian assaults near " + t.name() + " in "
                    + t.oblast() + " over the past day, the General Staff of the Armed Forces of Ukraine reported on "
                    + weekday + ".\n\nRussia's Defence Ministry claimed that its troops had improved their "
                    + "positions near " + near.name() + ".\n";
            case 3 -> "Residents evacuated from " + t.name() + "\n\n"
                    + dateline + "About " + (100 * (2 + i % 40)) + " residents have been evacuated from "
                    + t.name() + " and nearby villages since the start of the month, " + t.official() + ", " + head
                    + ", said on " + weekday + ".\n\nHe said shelling of " + t.name()
                    + " had damaged power lines and a school.\n";
            default -> "Russia claims gains near " + t.name() + "; Ukraine denies\n\n"
                    + dateline + "Russia's Defence Ministry claimed on " + weekday + " that its troops had captured "
                    + "positions on the edge of " + t.name() + ", in " + t.oblast() + ".\n\n"
                    + "The General Staff of the Armed Forces of Ukraine denied the claim, saying fighting near "
                    + t.name() + " was still going on and that a Russian guided bomb had hit " + near.name()
                    + ", injuring " + injured + " people.\n";
        };
    }
}
