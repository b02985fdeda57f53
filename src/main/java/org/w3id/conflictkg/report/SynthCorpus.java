package org.w3id.conflictkg.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.w3id.conflictkg.KgException;
import org.w3id.conflictkg.gazetteer.Gazetteer;
import org.w3id.conflictkg.gazetteer.Place;
import org.w3id.conflictkg.gazetteer.PlaceType;

/**
 * A corpus of synthetic war reports for scale tests: report {@code i} of a seed is always the same text, made from
 * real gazetteer places, regional officials, spokespeople and forces, dated between 2022-02-24 and 2026-10-31, in
 * nineteen kinds of story and several wire styles; about half come with a {@code NAME.meta.json} sidecar.
 *
 * <p>A report depends only on the seed, its number and the gazetteer, so reports can be written in parallel and any
 * one regenerated alone; {@link #write} streams them to disk, a thousand to a folder. Officials' tenures are
 * approximate and every quote is invented: this is test data, not news.
 */
public final class SynthCorpus {
    /** The first and last day a report may be dated. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2022, 2, 24);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);
    /** Reports per folder: {@code DIR/000/synth-000000.txt} .. {@code DIR/000/synth-000999.txt}, then {@code 001}. */
    public static final int PER_FOLDER = 1000;

    /** An oblast with fewer places is left out: its reports would repeat the same few names. */
    private static final int MIN_TOWNS = 8;
    private static final int SPAN_DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    private static final LocalDate KURSK_INCURSION = LocalDate.of(2024, 8, 6);
    private static final LocalDate KURSK_INCURSION_END = LocalDate.of(2025, 4, 26);
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] MONTHS_SHORT = {"Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
        "Sept", "Oct", "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] SMALL = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine"};
    private static final String[] COMPASS = {"east", "northeast", "north", "northwest", "west", "southwest", "south",
        "southeast"};

    /** An outlet: its name (sidecar source), the host of its URLs, and whether it publishes URLs at all. */
    private record Outlet(String name, String host, boolean urls, boolean timestamps) {
    }

    private static final List<Outlet> OUTLETS = List.of(
            new Outlet("Frontline Wire", "frontline-wire.example", true, false),
            new Outlet("Steppe Dispatch", "steppe-dispatch.example", true, true),
            new Outlet("Eastern Desk", "eastern-desk.example", true, false),
            new Outlet("Harbour Monitor", "harbour-monitor.example", true, true),
            new Outlet("Evening Courier", "evening-courier.example", false, false),
            new Outlet("Border Regions Digest", "border-digest.example", true, false));

    /** A person who speaks for an office over a span of dates. */
    private record Official(String name, String title, String shortTitle, boolean female, LocalDate from,
                            LocalDate to) {
        String surname() {
            return name.substring(name.lastIndexOf(' ') + 1);
        }

        String pronoun() {
            return female ? "she" : "he";
        }
    }

    /** An oblast the corpus writes about, with its offices and the places it may name. */
    private static final class Region {
        final String label;
        final String base;
        final boolean russian;
        final int weight;
        final String hub;
        final List<Official> heads;
        final String russianGroup;
        final String[] brigades;
        final List<Town> towns = new ArrayList<>();
        /** The most populous towns, the likelier targets of missiles and drones. */
        final List<Town> big = new ArrayList<>();
        /** Villages and small towns, what capture claims are about. */
        final List<Town> small = new ArrayList<>();

        Region(String label, boolean russian, int weight, String hub, String russianGroup, String[] brigades,
               List<Official> heads) {
            this.label = label;
            this.base = label.substring(0, label.length() - " Oblast".length());
            this.russian = russian;
            this.weight = weight;
            this.hub = hub;
            this.russianGroup = russianGroup;
            this.brigades = brigades;
            this.heads = heads;
        }
    }

    /** A settlement the extractor resolves back to itself by its label. */
    private static final class Town {
        final String name;
        final Double lat;
        final Double lon;
        final long population;
        final String raion;
        final Region region;
        Town[] near = new Town[0];

        Town(Place p, String raion, Region region) {
            this.name = p.label();
            this.lat = p.lat();
            this.lon = p.lon();
            this.population = p.population();
            this.raion = raion;
            this.region = region;
        }
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Official head(String name, String region, String from, String to) {
        return new Official(name, "head of the " + region + " Regional Military Administration",
                region + " Oblast Governor", false, d(from), d(to));
    }

    private static Official governor(String name, String region, String from, String to) {
        return new Official(name, "governor of the " + region + " region", region + " Governor", false, d(from),
                d(to));
    }

    private static final String START = "2022-02-24";
    private static final String END = "2026-10-31";

    private static List<Region> regions() {
        return List.of(
                new Region("Donetsk Oblast", false, 30, "Kramatorsk", null,
                        new String[] {"3rd Separate Assault Brigade", "47th Mechanized Brigade",
                            "93rd Mechanized Brigade", "68th Jaeger Brigade", "59th Motorized Brigade"},
                        List.of(head("Pavlo Kyrylenko", "Donetsk", START, "2024-12-31"),
                                head("Vadym Filashkin", "Donetsk", "2025-01-01", END))),
                new Region("Kharkiv Oblast", false, 16, "Kharkiv", "Zapad",
                        new String[] {"3rd Separate Assault Brigade", "92nd Separate Assault Brigade",
                            "57th Motorized Infantry Brigade", "14th Mechanized Brigade"},
                        List.of(head("Oleh Syniehubov", "Kharkiv", START, END))),
                new Region("Zaporizhzhia Oblast", false, 12, "Zaporizhzhia", "Vostok",
                        new String[] {"65th Mechanized Brigade", "128th Mountain Assault Brigade",
                            "118th Mechanized Brigade"},
                        List.of(head("Oleksandr Starukh", "Zaporizhzhia", START, "2023-02-06"),
                                head("Yurii Malashko", "Zaporizhzhia", "2023-02-07", "2024-02-07"),
                                head("Ivan Fedorov", "Zaporizhzhia", "2024-02-08", END))),
                new Region("Kherson Oblast", false, 9, "Mykolaiv", "Dnepr",
                        new String[] {"35th Marine Brigade", "38th Marine Brigade",
                            "124th Territorial Defence Brigade"},
                        List.of(head("Yaroslav Yanushevych", "Kherson", START, "2023-06-14"),
                                head("Oleksandr Prokudin", "Kherson", "2023-06-15", END))),
                new Region("Dnipropetrovsk Oblast", false, 8, "Dnipro", "Vostok",
                        new String[] {"33rd Mechanized Brigade", "110th Mechanized Brigade"},
                        List.of(head("Valentyn Reznichenko", "Dnipropetrovsk", START, "2023-01-09"),
                                head("Serhiy Lysak", "Dnipropetrovsk", "2023-01-10", "2025-06-30"),
                                head("Oleksandr Hanzha", "Dnipropetrovsk", "2025-07-01", END))),
                new Region("Sumy Oblast", false, 7, "Sumy", "Sever",
                        new String[] {"80th Air Assault Brigade", "95th Air Assault Brigade"},
                        List.of(head("Dmytro Zhyvytskyi", "Sumy", START, "2023-11-14"),
                                head("Volodymyr Artiukh", "Sumy", "2023-11-15", "2025-06-30"),
                                head("Oleh Hryhorov", "Sumy", "2025-07-01", END))),
                new Region("Luhansk Oblast", false, 5, null, "Zapad",
                        new String[] {"3rd Separate Assault Brigade", "63rd Mechanized Brigade"},
                        List.of(head("Serhiy Haidai", "Luhansk", START, "2023-01-23"),
                                head("Artem Lysohor", "Luhansk", "2023-01-24", END))),
                new Region("Mykolaiv Oblast", false, 2, "Mykolaiv", "Dnepr",
                        new String[] {"36th Marine Brigade"},
                        List.of(head("Vitaliy Kim", "Mykolaiv", START, END))),
                new Region("Kursk Oblast", true, 3, "Kursk", "Sever", new String[0],
                        List.of(governor("Roman Starovoit", "Kursk", START, "2024-05-14"),
                                governor("Alexei Smirnov", "Kursk", "2024-05-15", "2024-12-04"),
                                governor("Alexander Khinshtein", "Kursk", "2024-12-05", END))),
                new Region("Belgorod Oblast", true, 3, "Belgorod", "Sever", new String[0],
                        List.of(governor("Vyacheslav Gladkov", "Belgorod", START, END))),
                new Region("Bryansk Oblast", true, 2, "Bryansk", "Sever", new String[0],
                        List.of(governor("Alexander Bogomaz", "Bryansk", START, END))));
    }

    /** Spokespeople of Ukraine's groups of forces, by the regions they speak for. */
    private static final List<Official> EAST_SPOKES = List.of(
            new Official("Serhii Cherevatyi", "spokesman for the Eastern group of forces", "army spokesman", false,
                    d(START), d("2023-12-31")),
            new Official("Nazar Voloshyn", "spokesperson for the Khortytsia group of forces", "army spokesman", false,
                    d("2024-01-01"), d("2024-09-30")),
            new Official("Viktor Trehubov", "spokesperson for the Khortytsia group of forces", "army spokesman",
                    false, d("2024-10-01"), d(END)));
    private static final List<Official> SOUTH_EAST_SPOKES = List.of(
            new Official("Oleksandr Shtupun", "spokesman for the Tavria group of forces", "army spokesman", false,
                    d(START), d("2023-12-31")),
            new Official("Dmytro Lykhovii", "spokesperson for the Tavria group of forces", "army spokesman", false,
                    d("2024-01-01"), d(END)));
    private static final List<Official> SOUTH_SPOKES = List.of(
            new Official("Natalia Humeniuk", "spokeswoman for Ukraine's Southern Defence Forces",
                    "army spokeswoman", true, d(START), d("2023-12-31")),
            new Official("Vladyslav Voloshyn", "spokesman for Ukraine's Southern Defence Forces", "army spokesman",
                    false, d("2024-01-01"), d(END)));
    private static final List<Official> BORDER_SPOKES = List.of(
            new Official("Andriy Demchenko", "spokesman for the State Border Guard Service", "border guard spokesman",
                    false, d(START), d(END)));
    private static final Official AIR_FORCE = new Official("Yurii Ihnat", "spokesman for Ukraine's Air Force",
            "Air Force spokesman", false, d(START), d(END));
    private static final Official KONASHENKOV = new Official("Igor Konashenkov",
            "spokesman for Russia's Defence Ministry", "Russian Defence Ministry spokesman", false, d(START), d(END));

    /**
     * Raions held by Russia since 2014 or since the first weeks of 2022, far from the fighting: no governor reports
     * shelling there, and no one claims to capture their villages.
     */
    private static final Set<String> FAR_BEHIND_THE_LINE = Set.of("Donetsk", "Horlivka", "Kalmiuske", "Alchevsk",
            "Dovzhansk", "Luhansk", "Rovenky", "Mariupol", "Berdiansk", "Melitopol", "Henichesk", "Skadovsk");

    private static final String[] MISSILES = {"Iskander-M ballistic", "Kh-101 cruise", "S-300", "Kalibr cruise",
        "Kinzhal hypersonic", "Kh-59"};
    private static final String[] TARGETS = {"an apartment block", "a private house", "a warehouse", "a school",
        "a gas station", "a market", "an infrastructure facility", "a hospital", "a grain terminal",
        "a power substation", "a car repair shop", "an administrative building"};
    private static final String[] DAMAGED = {"private houses", "apartment blocks", "cars", "power lines",
        "a kindergarten", "a shop", "outbuildings", "a gas pipeline", "a church", "a water pumping station"};

    private final long seed;
    private final List<Region> regions;
    private final int[] regionWeights;
    private final int totalWeight;

    /** A corpus over this gazetteer's places; the same gazetteer and seed give the same reports. */
    public SynthCorpus(Gazetteer gazetteer, long seed) {
        this.seed = seed;
        this.regions = regions();
        Map<String, Region> byLabel = new HashMap<>();
        regions.forEach(r -> byLabel.put(r.label, r));
        List<Place> places = new ArrayList<>(gazetteer.all());
        places.sort(Comparator.comparing(Place::key));
        for (Place p : places) {
            if (p.type() != PlaceType.SETTLEMENT || !resolvable(gazetteer, p)) {
                continue;
            }
            Region r = null;
            String raion = null;
            for (Place a : gazetteer.ancestors(p)) {
                if (a.type() == PlaceType.RAION && raion == null && a.label().endsWith(" Raion")) {
                    raion = a.label().substring(0, a.label().length() - " Raion".length());
                }
                if (a.type() == PlaceType.OBLAST) {
                    r = byLabel.get(a.label());
                    break;
                }
            }
            boolean placed = raion != null ? !FAR_BEHIND_THE_LINE.contains(raion)
                    && resolvesToOne(gazetteer, raion + " district") : r != null && r.russian;
            if (r != null && placed) {
                r.towns.add(new Town(p, raion, r));
            }
        }
        int[] weights = new int[regions.size()];
        int total = 0;
        for (int k = 0; k < regions.size(); k++) {
            Region r = regions.get(k);
            if (r.towns.size() >= MIN_TOWNS) {
                total += r.weight;
                prepare(r);
            }
            weights[k] = total;
        }
        if (total == 0) {
            throw new KgException("gazetteer: no front-line places to write synthetic reports about");
        }
        this.regionWeights = weights;
        this.totalWeight = total;
    }

    /** Whether a settlement's label finds it first, is no English word, and reads as a name to the extractor. */
    private static boolean resolvable(Gazetteer g, Place p) {
        String label = p.label();
        // "Gorod Shebekino" is GeoNames' "town of Shebekino": no report writes it so.
        if (!label.matches("[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}") || label.length() < 4 || label.startsWith("Gorod ")
                || Gazetteer.isCommonWord(label) || p.lat() == null || p.lon() == null) {
            return false;
        }
        List<Place> found = g.lookup(label);
        if (found.isEmpty() || !found.get(0).key().equals(p.key())) {
            return false;
        }
        // A town that shares its name with an oblast or a raion is read as the region.
        return g.lookup(label + " region").stream().noneMatch(x -> x.type() == PlaceType.OBLAST);
    }

    private static boolean resolvesToOne(Gazetteer g, String surface) {
        return g.lookup(surface).stream().filter(x -> x.type() == PlaceType.RAION).count() == 1;
    }

    private static void prepare(Region r) {
        List<Town> byPopulation = new ArrayList<>(r.towns);
        byPopulation.sort(Comparator.comparingLong((Town t) -> -t.population).thenComparing(t -> t.name));
        int bigCount = Math.max(1, Math.min(8, byPopulation.size() / 5));
        r.big.addAll(byPopulation.subList(0, bigCount));
        r.small.addAll(byPopulation.subList(Math.min(byPopulation.size() - 1, 3), byPopulation.size()));
        for (Town t : r.towns) {
            List<Town> others = new ArrayList<>(r.towns);
            others.remove(t);
            // "Kurakhove and Kurakhovo" reads like a typo: neighbours differ from the town in their first letters.
            others.removeIf(o -> o.name.regionMatches(0, t.name, 0, Math.min(6, Math.min(o.name.length(),
                    t.name.length()))));
            others.sort(Comparator.comparingDouble((Town o) -> km(t, o)).thenComparing(o -> o.name));
            List<Town> near = new ArrayList<>();
            for (Town o : others) {
                if (near.size() < 6 && near.stream().noneMatch(x -> x.name.regionMatches(0, o.name, 0, 6))) {
                    near.add(o);
                }
            }
            t.near = near.toArray(new Town[0]);
        }
    }

    private static double km(Town a, Town b) {
        double dy = a.lat - b.lat;
        double dx = (a.lon - b.lon) * Math.cos(Math.toRadians((a.lat + b.lat) / 2));
        return Math.sqrt(dx * dx + dy * dy) * 111.2;
    }

    /** The compass direction of {@code a} seen from {@code b}. */
    private static String direction(Town a, Town b) {
        double dy = a.lat - b.lat;
        double dx = (a.lon - b.lon) * Math.cos(Math.toRadians((a.lat + b.lat) / 2));
        double deg = Math.toDegrees(Math.atan2(dy, dx));
        int sector = (int) Math.floorMod(Math.round(deg / 45.0), 8L);
        return COMPASS[sector];
    }

    /** The seed this corpus was made with. */
    public long seed() {
        return seed;
    }

    /** The number of places the corpus draws on, over all its oblasts. */
    public int placeCount() {
        return regions.stream().mapToInt(r -> r.towns.size()).sum();
    }

    /** The file base name of report {@code i}: {@code synth-000042}. */
    public static String name(int i) {
        return "synth-" + pad(i, 6);
    }

    /** The folder of report {@code i} relative to the corpus root: {@code 000} for reports 0-999. */
    public static String folder(int i) {
        return pad(i / PER_FOLDER, 3);
    }

    /** The path of report {@code i} under a corpus root: {@code DIR/000/synth-000042.txt}. */
    public static Path file(Path dir, int i) {
        return dir.resolve(folder(i)).resolve(name(i) + ".txt");
    }

    private static String pad(int n, int width) {
        if (n < 0) {
            throw new IllegalArgumentException("report number " + n + " is negative");
        }
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** The publication date of report {@code i}. */
    public LocalDate date(int i) {
        return new Draft(i).date;
    }

    /** The name of the place report {@code i} is about, as its gazetteer label. */
    String place(int i) {
        return new Draft(i).town.name;
    }

    /** The text of report {@code i}: a title line, a blank line, then paragraphs, the first with a dateline. */
    public String text(int i) {
        return new Draft(i).text();
    }

    /** The {@code NAME.meta.json} of report {@code i} (url, published date, source), or null when it has none. */
    public String sidecar(int i) {
        return new Draft(i).sidecar();
    }

    /** How many reports and sidecars {@link #write} wrote. */
    public record Written(int reports, int sidecars) {
    }

    /**
     * Writes reports 0..n-1 under {@code dir} (created when missing), {@value #PER_FOLDER} to a folder, each with
     * its sidecar when it has one; a stale sidecar of a report that now has none is removed. Reports are made and
     * written in parallel and none is kept in memory. {@code progress}, when not null, receives the number written
     * so far every {@value #PER_FOLDER} reports, from any of the writing threads.
     */
    public Written write(Path dir, int n, IntConsumer progress) {
        if (n < 0) {
            throw new IllegalArgumentException("number of reports " + n + " is negative");
        }
        try {
            Files.createDirectories(dir);
            for (int f = 0; f * PER_FOLDER < n; f++) {
                Files.createDirectories(dir.resolve(pad(f, 3)));
            }
        } catch (IOException e) {
            throw new KgException(dir + ": cannot create folder (" + e.getMessage() + ")", e);
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger sidecars = new AtomicInteger();
        try {
            IntStream.range(0, n).parallel().forEach(i -> {
                Draft draft = new Draft(i);
                Path txt = file(dir, i);
                Path meta = txt.resolveSibling(name(i) + ".meta.json");
                String json = draft.sidecar();
                try {
                    Files.write(txt, draft.text().getBytes(StandardCharsets.UTF_8));
                    if (json != null) {
                        Files.write(meta, json.getBytes(StandardCharsets.UTF_8));
                        sidecars.incrementAndGet();
                    } else {
                        Files.deleteIfExists(meta);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(txt + ": " + e.getMessage(), e);
                }
                int k = done.incrementAndGet();
                if (progress != null && k % PER_FOLDER == 0) {
                    progress.accept(k);
                }
            });
        } catch (UncheckedIOException e) {
            throw new KgException("cannot write synthetic report " + e.getMessage(), e);
        }
        return new Written(n, sidecars.get());
    }

    /** SplitMix64: fixed arithmetic, so a seed gives the same reports on every JDK. */
    private static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        long next() {
            long z = state += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** 0 (inclusive) to n (exclusive). */
        int below(int n) {
            return (int) ((next() >>> 33) % n);
        }

        /** lo to hi, both inclusive. */
        int between(int lo, int hi) {
            return lo + below(hi - lo + 1);
        }

        boolean chance(int percent) {
            return below(100) < percent;
        }

        <T> T pick(T[] options) {
            return options[below(options.length)];
        }

        <T> T pick(List<T> options) {
            return options.get(below(options.size()));
        }
    }

    /** The kinds of story, each a method of {@link Draft}. */
    private enum Story {
        SHELLING, DRONE_STRIKE, MISSILE_STRIKE, GUIDED_BOMBS, REPELLED_ASSAULTS, CAPTURE_CLAIM_DENIED,
        CAPTURE_CLAIM_UNCONFIRMED, EVACUATION, UKRAINIAN_ADVANCE, RUSSIAN_ADVANCE, SABOTAGE_GROUP, DAILY_TALLY,
        WITHDRAWAL, LIBERATION, ROCKET_FIRE, DEATH_TOLL, GOVERNOR_INTERVIEW, CROSS_BORDER_DRONES, KURSK_CLAIM
    }

    private static final Story[] UKRAINE_STORIES = {
        Story.SHELLING, Story.SHELLING, Story.DRONE_STRIKE, Story.DRONE_STRIKE, Story.MISSILE_STRIKE,
        Story.GUIDED_BOMBS, Story.REPELLED_ASSAULTS, Story.REPELLED_ASSAULTS, Story.CAPTURE_CLAIM_DENIED,
        Story.CAPTURE_CLAIM_DENIED, Story.CAPTURE_CLAIM_UNCONFIRMED, Story.EVACUATION, Story.UKRAINIAN_ADVANCE,
        Story.RUSSIAN_ADVANCE, Story.SABOTAGE_GROUP, Story.DAILY_TALLY, Story.WITHDRAWAL, Story.LIBERATION,
        Story.ROCKET_FIRE, Story.DEATH_TOLL, Story.GOVERNOR_INTERVIEW};
    private static final Story[] RUSSIA_STORIES = {Story.CROSS_BORDER_DRONES, Story.CROSS_BORDER_DRONES,
        Story.SHELLING, Story.DAILY_TALLY};

    /** The wire styles of the opening paragraph. */
    private enum Style {
        /** "KUPIANSK, Nov 26, 2024 — ". */
        CITY_MDY(true),
        /** "KYIV, Ukraine, Nov. 26, 2024 (Steppe Dispatch) — ". */
        CITY_COUNTRY_MDY(true),
        /** "Kharkiv, 26 November 2024 — ". */
        CITY_DMY(true),
        /** "Updated 2024-11-26 09:14 EET" on a line of its own. */
        TIMESTAMP(true),
        /** "MOSCOW, November 26. /Eastern Desk/. ": no year, the sidecar dates it. */
        AGENCY_NO_YEAR(false),
        /** "KUPIANSK (Frontline Wire) - ". */
        CITY_OUTLET(false),
        /** No dateline at all. */
        NONE(false);

        final boolean dated;

        Style(boolean dated) {
            this.dated = dated;
        }
    }

    /** One report being made: every choice drawn from a generator seeded by the corpus seed and the number. */
    private final class Draft {
        final int i;
        final Rng rng;
        /** The sidecar's own generator, so that making the sidecar first or not at all leaves the text as it is. */
        final Rng metaRng;
        final LocalDate date;
        final Region region;
        final Story story;
        final Town town;
        final Outlet outlet;
        final Style style;
        final boolean hasSidecar;
        /** The day the main event happened: the report's day or the day before. */
        final LocalDate eventDay;
        final StringBuilder sb = new StringBuilder(2048);
        /** Whether this report spells small numbers out. */
        final boolean words;

        Draft(int i) {
            this.i = i;
            this.rng = new Rng(mix(seed ^ mix(0x5EEDL + i)));
            this.metaRng = new Rng(mix(~seed ^ mix(0x3E7AL + i)));
            this.date = FIRST_DAY.plusDays(rng.below(SPAN_DAYS));
            this.region = pickRegion();
            this.story = pickStory();
            this.town = pickTown();
            this.outlet = rng.pick(OUTLETS);
            this.style = pickStyle();
            this.hasSidecar = !style.dated || rng.chance(26);
            this.eventDay = rng.chance(55) || date.equals(FIRST_DAY) ? date : date.minusDays(1);
            this.words = rng.chance(75);
        }

        private Region pickRegion() {
            int x = rng.below(totalWeight);
            for (int k = 0; k < regionWeights.length; k++) {
                if (x < regionWeights[k]) {
                    return regions.get(k);
                }
            }
            return regions.get(regions.size() - 1);
        }

        private Story pickStory() {
            if (region.russian) {
                boolean incursion = region.base.equals("Kursk") && !date.isBefore(KURSK_INCURSION)
                        && !date.isAfter(KURSK_INCURSION_END);
                return incursion && rng.chance(60) ? Story.KURSK_CLAIM : rng.pick(RUSSIA_STORIES);
            }
            Story s = rng.pick(UKRAINE_STORIES);
            if (s == Story.SABOTAGE_GROUP && !(region.base.equals("Sumy") || region.base.equals("Kharkiv"))) {
                return Story.REPELLED_ASSAULTS;
            }
            if (s == Story.EVACUATION && region.hub == null) {
                return Story.SHELLING;
            }
            return s;
        }

        private Town pickTown() {
            return switch (story) {
                case DRONE_STRIKE, MISSILE_STRIKE, DEATH_TOLL -> rng.chance(70) ? rng.pick(region.big)
                        : rng.pick(region.towns);
                case CAPTURE_CLAIM_DENIED, CAPTURE_CLAIM_UNCONFIRMED, WITHDRAWAL, LIBERATION, KURSK_CLAIM,
                        REPELLED_ASSAULTS, UKRAINIAN_ADVANCE, RUSSIAN_ADVANCE -> rng.pick(region.small);
                default -> rng.chance(30) ? rng.pick(region.big) : rng.pick(region.towns);
            };
        }

        private Style pickStyle() {
            int x = rng.below(100);
            if (story == Story.KURSK_CLAIM || story == Story.CROSS_BORDER_DRONES) {
                return x < 40 ? Style.AGENCY_NO_YEAR : x < 70 ? Style.CITY_MDY : Style.CITY_OUTLET;
            }
            return x < 26 ? Style.CITY_MDY : x < 38 ? Style.CITY_COUNTRY_MDY : x < 50 ? Style.CITY_DMY
                    : x < 66 ? Style.TIMESTAMP : x < 72 ? Style.AGENCY_NO_YEAR : x < 88 ? Style.CITY_OUTLET
                    : Style.NONE;
        }

        String text() {
            switch (story) {
                case SHELLING -> shelling();
                case DRONE_STRIKE -> droneStrike();
                case MISSILE_STRIKE -> missileStrike();
                case GUIDED_BOMBS -> guidedBombs();
                case REPELLED_ASSAULTS -> repelledAssaults();
                case CAPTURE_CLAIM_DENIED -> captureClaimDenied();
                case CAPTURE_CLAIM_UNCONFIRMED -> captureClaimUnconfirmed();
                case EVACUATION -> evacuation();
                case UKRAINIAN_ADVANCE -> ukrainianAdvance();
                case RUSSIAN_ADVANCE -> russianAdvance();
                case SABOTAGE_GROUP -> sabotageGroup();
                case DAILY_TALLY -> dailyTally();
                case WITHDRAWAL -> withdrawal();
                case LIBERATION -> liberation();
                case ROCKET_FIRE -> rocketFire();
                case DEATH_TOLL -> deathToll();
                case GOVERNOR_INTERVIEW -> governorInterview();
                case CROSS_BORDER_DRONES -> crossBorderDrones();
                case KURSK_CLAIM -> kurskClaim();
                default -> throw new IllegalStateException(story.name());
            }
            if (rng.chance(45)) {
                background();
            }
            if (rng.chance(20)) {
                caveat();
            }
            while (sb.charAt(sb.length() - 1) == '\n') {
                sb.setLength(sb.length() - 1);
            }
            return sb.append('\n').toString();
        }

        String sidecar() {
            if (!hasSidecar) {
                return null;
            }
            String url = outlet.urls() ? "\"https://" + outlet.host() + "/" + date.getYear() + "/"
                    + pad(date.getMonthValue(), 2) + "/" + pad(date.getDayOfMonth(), 2) + "/" + slug(story.name())
                    + "-" + slug(town.name) + "-" + name(i) + "\"" : "null";
            String published = outlet.timestamps() ? date + "T" + pad(metaRng.between(6, 22), 2) + ":"
                    + pad(metaRng.below(60), 2) + ":00+0" + (summer(date) ? "3" : "2") + ":00" : date.toString();
            String source = "ConflictKG synthetic (" + outlet.name() + ")";
            if (metaRng.chance(50)) {
                return "{\"url\": " + url + ", \"published\": \"" + published + "\", \"source\": \"" + source
                        + "\"}\n";
            }
            return "{\n  \"url\": " + url + ",\n  \"published\": \"" + published + "\",\n  \"source\": \"" + source
                    + "\"\n}\n";
        }

        // ---- pieces ---------------------------------------------------------------------------------------

        private void title(String t) {
            sb.append(t).append("\n\n");
        }

        /** The dateline in this report's style, then the lead paragraph. */
        private void lead(String text) {
            String filed = filingPlace();
            switch (style) {
                case CITY_MDY -> sb.append(filed.toUpperCase(Locale.ROOT)).append(", ")
                        .append(MONTHS_SHORT[date.getMonthValue() - 1]).append(' ').append(date.getDayOfMonth())
                        .append(", ").append(date.getYear()).append(" — ");
                case CITY_COUNTRY_MDY -> sb.append(filed.toUpperCase(Locale.ROOT)).append(", ")
                        .append(region.russian ? "Russia" : "Ukraine").append(", ")
                        .append(MONTHS_SHORT[date.getMonthValue() - 1])
                        .append(date.getMonthValue() >= 3 && date.getMonthValue() <= 7 ? " " : ". ")
                        .append(date.getDayOfMonth()).append(", ").append(date.getYear()).append(" (")
                        .append(outlet.name()).append(") — ");
                case CITY_DMY -> sb.append(filed).append(", ").append(date.getDayOfMonth()).append(' ')
                        .append(MONTHS[date.getMonthValue() - 1]).append(' ').append(date.getYear()).append(" — ");
                case TIMESTAMP -> sb.append("Updated ").append(date).append(' ').append(pad(rng.between(6, 23), 2))
                        .append(':').append(pad(rng.below(60), 2)).append(summer(date) ? " EEST" : " EET")
                        .append("\n\n");
                case AGENCY_NO_YEAR -> sb.append(filed.toUpperCase(Locale.ROOT)).append(", ")
                        .append(MONTHS[date.getMonthValue() - 1]).append(' ').append(date.getDayOfMonth())
                        .append(". /").append(outlet.name()).append("/. ");
                case CITY_OUTLET -> sb.append(filed.toUpperCase(Locale.ROOT)).append(" (").append(outlet.name())
                        .append(") - ");
                case NONE -> {
                }
                default -> throw new IllegalStateException(style.name());
            }
            sb.append(text).append("\n\n");
        }

        private String filingPlace() {
            if (story == Story.KURSK_CLAIM || story == Story.CAPTURE_CLAIM_UNCONFIRMED && rng.chance(50)) {
                return "Moscow";
            }
            if (region.russian) {
                return rng.chance(50) ? "Moscow" : region.hub;
            }
            int x = rng.below(10);
            return x < 4 ? "Kyiv" : x < 7 && region.hub != null ? region.hub : town.name;
        }

        private void para(String text) {
            sb.append(text).append("\n\n");
        }

        private Official head() {
            return current(region.heads);
        }

        private Official current(List<Official> officials) {
            for (Official o : officials) {
                if (!date.isBefore(o.from()) && !date.isAfter(o.to())) {
                    return o;
                }
            }
            return officials.get(officials.size() - 1);
        }

        /** The spokesperson of the Ukrainian group of forces fighting in this region. */
        private Official spokes() {
            return switch (region.base) {
                case "Donetsk", "Kharkiv", "Luhansk" -> current(EAST_SPOKES);
                case "Zaporizhzhia", "Dnipropetrovsk" -> current(SOUTH_EAST_SPOKES);
                case "Kherson", "Mykolaiv" -> current(SOUTH_SPOKES);
                default -> current(BORDER_SPOKES);
            };
        }

        /** "Oleh Syniehubov, head of the Kharkiv Regional Military Administration," or its title-first forms. */
        private String who(Official o) {
            return switch (rng.below(3)) {
                case 0 -> o.name() + ", " + o.title() + ",";
                case 1 -> o.shortTitle() + " " + o.name();
                default -> "the " + o.title() + ", " + o.name() + ",";
            };
        }

        /** "in the Donetsk region", "in Donetsk Oblast", "in Russia's Kursk region". */
        private String inRegion() {
            if (region.russian) {
                return rng.chance(50) ? "in Russia's " + region.base + " region" : "in the " + region.base + " region";
            }
            int x = rng.below(4);
            return x == 0 ? "in the " + region.base + " region" : x == 1 ? "in " + region.label
                    : x == 2 ? "in the " + region.base + " province" : "in " + region.base + " Oblast";
        }

        private String regionName() {
            return region.russian || rng.chance(50) ? "the " + region.base + " region" : region.label;
        }

        /** "Kupiansk" or "Kupiansk, in the Kupiansk district," */
        private String withDistrict(Town t) {
            return t.raion != null && !t.raion.equals(t.name) && rng.chance(30) ? t.name + " in the " + t.raion
                    + " district" : t.name;
        }

        private Town near(int k) {
            return town.near.length == 0 ? town : town.near[Math.min(k, town.near.length - 1)];
        }

        /** "about 12 kilometres southwest of Pokrovsk". */
        private String placed(Town a, Town from) {
            long km = Math.max(2, Math.round(km(a, from)));
            return rng.pick(new String[] {"about ", "some ", "roughly ", ""}) + km + " kilometres " + direction(a, from)
                    + " of " + from.name;
        }

        /** "since August", a few months back, or "since the start of the invasion" when that is sooner. */
        private String since() {
            LocalDate back = date.minusMonths(rng.between(1, 3));
            return back.isBefore(FIRST_DAY.plusDays(7)) ? "since the start of the invasion"
                    : "since " + MONTHS[back.getMonthValue() - 1];
        }

        /** The report's weekday: "on Tuesday". */
        private String reportDay() {
            return "on " + WEEKDAYS[date.getDayOfWeek().getValue() - 1];
        }

        /** When the main event happened, relative to the report's date. */
        private String when() {
            String weekday = WEEKDAYS[eventDay.getDayOfWeek().getValue() - 1];
            if (eventDay.equals(date)) {
                return rng.pick(new String[] {"on " + weekday, "on " + weekday + " morning", "early on " + weekday,
                    "this morning", "overnight"});
            }
            return rng.pick(new String[] {"on " + weekday, "late on " + weekday, "overnight", "on " + weekday
                + " evening", "yesterday"});
        }

        /** Two different options joined by "and". */
        private String two(String[] options) {
            int a = rng.below(options.length);
            int b = (a + 1 + rng.below(options.length - 1)) % options.length;
            return options[a] + " and " + options[b];
        }

        /** "nearly 2,000", "at least 12", "about 300": round figures above a hundred. */
        private String approx(int n) {
            long shown = n >= 1000 ? Math.round(n / 100.0) * 100 : n >= 100 ? Math.round(n / 10.0) * 10 : n;
            return rng.pick(new String[] {"nearly ", "at least ", "about ", "more than ", "almost ", "over "})
                    + number(shown);
        }

        /** The same at the start of a sentence. */
        private String approxCapital(int n) {
            return capital(approx(n));
        }

        /** Numbers below ten as words in most outlets' style, as digits in the others'. */
        private String count(int n) {
            return words && n > 0 && n < 10 ? SMALL[n] : number(n);
        }

        /** "one battle near Siversk was", "five battles near Siversk were". */
        private String battles(int n, Town t) {
            return n == 1 ? "one battle near " + t.name + " was" : count(n) + " battles near " + t.name + " were";
        }

        /** "A 48-year-old woman", "An 80-year-old man". */
        private String aged(String who) {
            int age = rng.between(16, 89);
            boolean vowel = age == 18 || age == 11 || age / 10 == 8;
            return (vowel ? "An " : "A ") + age + "-year-old " + who;
        }

        private String people(int n) {
            return count(n) + (n == 1 ? " person" : " people");
        }

        private String group() {
            String g = region.russianGroup != null ? region.russianGroup : rng.pick(new String[] {"Tsentr", "Yug"});
            if (region.base.equals("Donetsk")) {
                g = rng.pick(new String[] {"Tsentr", "Yug", "Vostok"});
            }
            return switch (rng.below(3)) {
                case 0 -> "the " + g + " group of forces";
                case 1 -> "the Battlegroup " + g;
                default -> "the " + g + " battlegroup";
            };
        }

        private String brigade() {
            return region.brigades.length == 0 ? "3rd Separate Assault Brigade" : rng.pick(region.brigades);
        }

        // ---- stories --------------------------------------------------------------------------------------

        private void shelling() {
            Official head = head();
            int injured = rng.between(1, 14);
            int houses = rng.between(2, 30);
            String attacker = region.russian ? "Ukrainian forces" : "Russian forces";
            title(rng.pick(new String[] {
                (region.russian ? "Ukrainian" : "Russian") + " shelling of " + town.name + " injures " + injured
                    + ", governor says",
                number(injured) + " wounded as artillery hits " + town.name,
                "Shelling damages " + houses + " homes in " + town.name}));
            lead(attacker + " shelled " + withDistrict(town) + " " + inRegion() + " " + when() + ", injuring "
                    + people(injured) + " and damaging " + count(houses) + " houses, " + who(head) + " said.");
            if (rng.chance(60)) {
                para("\"The enemy fired artillery and mortars at residential streets of " + town.name
                        + " for several hours,\" " + head.surname() + " wrote on Telegram. " + rng.pick(new String[] {
                            aged(rng.pick(new String[] {"man", "woman"})) + " was taken to hospital in serious "
                                + "condition, " + head.pronoun() + " said.",
                            "Rescue crews put out " + count(rng.between(2, 6)) + " fires, " + head.pronoun()
                                + " added."}));
            } else {
                para("According to " + head.surname() + ", the shelling also damaged "
                        + two(DAMAGED) + ".");
            }
            Town n1 = near(0);
            para(n1.name + ", " + placed(n1, town) + ", also came under fire " + rng.pick(new String[] {
                "later in the day", "the same night", "in the afternoon"}) + ", " + head.surname()
                    + " said, but no casualties were reported there.");
        }

        private void droneStrike() {
            Official head = head();
            int killed = rng.between(1, 6);
            int injured = rng.between(2, 25);
            int launched = rng.between(40, 180);
            int downed = launched - rng.between(3, launched / 3);
            title(rng.pick(new String[] {"Russian drone attack on " + town.name + " kills " + killed,
                "Drones hit " + town.name + ": " + killed + " dead, " + injured + " injured",
                "Overnight Shahed attack on " + town.name + " leaves " + people(killed) + " dead"}));
            lead("A Russian drone attack on " + town.name + " " + inRegion() + " " + when() + " killed "
                    + people(killed) + " and injured " + count(injured) + " others, " + who(head) + " said.");
            para(rng.pick(new String[] {"Debris from a downed drone hit " + rng.pick(TARGETS) + ", starting a fire",
                "A drone hit " + rng.pick(TARGETS) + " in the centre of the town",
                "Drones struck " + two(TARGETS)}) + ", " + head.surname()
                    + " said. " + rng.pick(new String[] {"Among the injured is a child.",
                        "Several cars were burned out.", "Firefighters worked through the night."}));
            para("Ukraine's Air Force said air defences shot down " + downed + " of " + launched
                    + " Shahed-type attack drones and decoys that Russia launched overnight across the country. "
                    + rng.pick(new String[] {"Air Force spokesman " + AIR_FORCE.name()
                        + " said the drones were launched from the Kursk and Bryansk regions.",
                        AIR_FORCE.name() + ", " + AIR_FORCE.title() + ", said Russia kept changing its routes."}));
        }

        private void missileStrike() {
            Official head = head();
            String missile = rng.pick(MISSILES);
            int killed = rng.between(1, 12);
            int injured = rng.between(4, 60);
            title(rng.pick(new String[] {"Russian missile strike on " + town.name + " kills " + killed,
                "Missiles hit " + town.name + ", " + killed + " killed and " + injured + " wounded",
                "Russia strikes " + town.name + " with " + missile.split(" ")[0] + " missiles"}));
            lead("Russia struck " + town.name + " with " + missile + " missiles " + when() + ", killing "
                    + people(killed) + " and injuring " + count(injured) + ", " + who(head) + " said.");
            para("The strike hit " + rng.pick(TARGETS) + " and damaged " + rng.pick(DAMAGED) + " nearby. "
                    + "Rescuers were still searching the rubble " + rng.pick(new String[] {"hours later",
                        "on " + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + " evening", "into the night"})
                    + ", " + head.surname() + " said.");
            para("Russia's Defence Ministry said its forces had carried out a strike with " + rng.pick(new String[] {
                "high-precision weapons", "long-range weapons"}) + " on " + rng.pick(new String[] {
                "a temporary deployment point of Ukrainian units", "a military-industrial facility",
                "a workshop assembling drones", "a fuel depot of the Ukrainian armed forces"}) + " in "
                    + town.name + ".");
            if (rng.chance(50)) {
                para(AIR_FORCE.shortTitle() + " " + AIR_FORCE.name() + " said Ukraine's air defences had no "
                        + "time to react because the missiles were launched from close to the border.");
            }
        }

        private void guidedBombs() {
            Official head = head();
            int bombs = rng.between(2, 9);
            int injured = rng.between(1, 20);
            title(rng.pick(new String[] {"Russian guided bombs hit " + town.name,
                "Glide bomb attack on " + town.name + " injures " + injured,
                "Russia drops " + count(bombs) + " guided bombs on " + town.name}));
            lead("Russian aircraft dropped " + count(bombs) + " guided aerial bombs on " + withDistrict(town) + " "
                    + inRegion() + " " + when() + ", injuring " + people(injured) + ", " + who(head) + " said.");
            para("The bombs hit " + rng.pick(new String[] {"the centre of the town", "a residential area",
                "an industrial area", "the outskirts"}) + " and destroyed " + count(rng.between(2, 9))
                    + " private houses, " + head.pronoun() + " said. " + rng.pick(new String[] {
                        "Power was cut to part of the town.", "The injured are in moderate condition.",
                        "One of the bombs did not explode and was later defused."}));
            para("The General Staff of the Armed Forces of Ukraine said Russian forces had used " + approx(
                    rng.between(40, 160)) + " guided bombs along the front over the past day.");
        }

        private void repelledAssaults() {
            int assaults = rng.between(3, 30);
            Town n1 = near(0);
            Town n2 = near(1);
            String summary = rng.pick(new String[] {"morning", "evening", "daily"});
            title(rng.pick(new String[] {"Ukraine says it repelled " + assaults + " assaults near " + town.name,
                "Ukrainian troops fend off Russian attacks near " + town.name,
                "Fighting near " + town.name + " as Russia presses on"}));
            lead("Ukrainian forces repelled " + count(assaults) + " Russian assaults near " + town.name + ", "
                    + n1.name + " and " + n2.name + " " + inRegion() + " over the past day, the General Staff of "
                    + "the Armed Forces of Ukraine said in its " + summary + " update.");
            para("In total, " + approx(rng.between(60, 240)) + " combat clashes were recorded along the front line, "
                    + "the General Staff said, " + rng.pick(new String[] {"and " + battles(rng.between(1, 5), town)
                        + " still going on",
                        "with the heaviest fighting in the " + town.name + " direction"}) + ".");
            para("Russia's Defence Ministry said units of " + group() + " had \"improved their tactical position\" "
                    + "near " + n1.name + " and inflicted losses on Ukrainian forces.");
            if (rng.chance(40)) {
                Official s = spokes();
                para(s.name() + ", " + s.title() + ", said Russian troops were attacking in small groups of "
                        + count(rng.between(2, 5)) + " to " + count(rng.between(6, 10)) + " soldiers, often on "
                        + "motorcycles.");
            }
        }

        private void captureClaimDenied() {
            Official s = spokes();
            Town n1 = near(0);
            title(rng.pick(new String[] {"Russia says it captured " + town.name + "; Ukraine denies",
                "Ukraine rejects Russian claim of capturing " + town.name,
                "Kyiv denies Moscow's claim to have taken " + town.name}));
            lead("Russia's Defence Ministry claimed " + reportDay() + " that units of " + group() + " had "
                    + rng.pick(new String[] {"liberated the settlement of ", "liberated the village of ",
                        "captured the village of ", "taken full control of "}) + town.name + " " + inRegion()
                    + ".");
            switch (rng.below(3)) {
                case 0 -> para(s.name() + ", " + s.title() + ", denied the claim. \"This is not true. "
                        + town.name + " remains under Ukrainian control and fighting continues on its outskirts,\" "
                        + s.pronoun() + " said.");
                case 1 -> para("Ukraine's General Staff rejected the claim. Its units still hold positions in "
                        + town.name + ", it said, and repelled " + count(rng.between(2, 12))
                        + " attacks there over the past day.");
                default -> para("\"The Russian statement about " + town.name + " is false. The village is a grey "
                        + "zone, but our soldiers are there,\" " + s.shortTitle() + " " + s.name() + " said.");
            }
            para(town.name + " lies " + placed(town, n1) + ". Russian forces have tried to advance in the area "
                    + rng.pick(new String[] {"since the start of the month", "for several weeks", since()}) + ".");
        }

        private void captureClaimUnconfirmed() {
            Town n1 = near(0);
            int assaults = rng.between(4, 25);
            title(rng.pick(new String[] {"Moscow claims capture of " + town.name,
                "Russia says its troops took " + town.name + " " + inRegion(),
                town.name + ": Russia claims control, Ukraine says fighting goes on"}));
            lead("Russian troops have captured " + town.name + ", a village " + inRegion() + ", "
                    + rng.pick(new String[] {"the Russian Defence Ministry said", "Russia's Ministry of Defence "
                        + "claimed", KONASHENKOV.shortTitle() + " " + KONASHENKOV.name() + " said"}) + " "
                    + reportDay() + ".");
            para("Ukraine's General Staff has not confirmed the loss of the village. In its evening update it "
                    + "reported " + count(assaults) + " Russian assaults in the area of " + town.name + " and "
                    + n1.name + ", saying " + count(rng.between(1, Math.max(1, assaults / 3)))
                    + " of them were still under way.");
            Official s = spokes();
            para(s.name() + ", " + s.title() + ", said Russian claims that " + town.name + " had fallen were "
                    + "false. \"Our units still hold their positions there,\" " + s.pronoun() + " said.");
            if (rng.chance(50)) {
                para("The DeepState monitoring project, which maps the front line from open sources, showed "
                        + town.name + " as contested " + reportDay() + ".");
            }
        }

        private void evacuation() {
            Official head = head();
            int children = rng.between(20, 900);
            int residents = rng.between(300, 12000);
            int villages = rng.between(3, 14);
            title(rng.pick(new String[] {"Authorities order evacuation of children from " + town.name,
                "Evacuation expanded " + inRegion() + " as attacks intensify",
                number(residents) + " residents evacuated from " + town.name + " area"}));
            lead("Authorities " + inRegion() + " have ordered the mandatory evacuation of families with children "
                    + "from " + withDistrict(town) + " and " + count(villages) + " nearby villages, "
                    + who(head) + " said " + reportDay() + ".");
            para(approxCapital(residents) + " people, including " + number(children) + " children, still live in the "
                    + "affected communities, " + head.surname() + " said. " + rng.pick(new String[] {
                        "Since the start of the month, more than " + number(rng.between(200, 3000))
                            + " residents have been evacuated.",
                        "Over the past week, " + number(rng.between(100, 2000)) + " people left the area with the "
                            + "help of volunteers.",
                        "Evacuation from " + near(0).name + " was completed earlier this month."}));
            para("Evacuees are taken to " + region.hub + ", where they receive " + rng.pick(new String[] {
                "temporary housing and payments", "medical care and food", "help finding shelter"})
                    + ", the regional administration said.");
        }

        private void ukrainianAdvance() {
            String unit = brigade();
            int halfKm = rng.between(1, 9);
            String distance = rng.chance(40) ? rng.between(2, 9) * 100 + " metres"
                    : halfKm / 2 + (halfKm % 2 == 1 ? ".5" : "") + " kilometres";
            distance = distance.startsWith("0.") ? "500 metres" : distance;
            title(rng.pick(new String[] {"Ukraine's " + unit.replace(" Separate", "") + " says it advanced near "
                + town.name, "Ukrainian brigade reports gains near " + town.name}));
            lead("Ukraine's " + unit + " said " + reportDay() + " that its soldiers had advanced up to " + distance
                    + " near " + town.name + " " + inRegion() + " and cleared " + count(rng.between(2, 9))
                    + " positions of Russian troops.");
            para("The brigade published drone footage it said showed the assault. The footage could not be "
                    + "independently verified.");
            para("Russia's Defence Ministry said its forces had repelled " + count(rng.between(2, 8))
                    + " counterattacks by Ukrainian assault groups near " + town.name + " and " + near(0).name
                    + ".");
        }

        private void russianAdvance() {
            int km = rng.between(1, 6);
            Town n1 = near(0);
            title(rng.pick(new String[] {"Russian forces advance near " + town.name + ", analysts say",
                "Russia gains ground near " + town.name}));
            lead("Russian forces have advanced about " + km + " kilometres near " + town.name + " " + inRegion()
                    + " " + rng.pick(new String[] {"over the past week", "in the last two weeks",
                        "since the start of the month"}) + ", the Institute for the Study of War said in its "
                    + "latest assessment.");
            para("Geolocated footage indicated that Russian troops had reached the outskirts of " + n1.name
                    + ", the ISW said.");
            Official s = spokes();
            para(capital(s.shortTitle()) + " " + s.name() + " said Russian forces were using small infantry groups and "
                    + "drones to push forward. \"The situation is difficult but under control,\" " + s.pronoun()
                    + " said.");
        }

        private void sabotageGroup() {
            Official s = current(BORDER_SPOKES);
            title(rng.pick(new String[] {"Border guards repel Russian sabotage group near " + town.name,
                "Russian saboteurs tried to cross the border near " + town.name + ", Ukraine says"}));
            lead("Ukrainian border guards repelled an attempt by a Russian sabotage and reconnaissance group to "
                    + "cross the border near " + town.name + " " + inRegion() + " " + when()
                    + ", the State Border Guard Service said.");
            para(s.name() + ", " + s.title() + ", said the group of " + count(rng.between(5, 20))
                    + " soldiers retreated after a short battle. " + rng.pick(new String[] {
                        "\"They tried to enter under cover of mortar fire,\" he said.",
                        "Two Russian soldiers were killed, he said."}));
            para("Russian forces also shelled border communities of " + regionName() + " " + approx(
                    rng.between(20, 120)) + " times over the past day, the regional administration said.");
        }

        private void dailyTally() {
            Official head = head();
            int strikes = rng.between(40, 600);
            int places = rng.between(6, 30);
            Town n1 = near(0);
            Town n2 = near(1);
            Town n3 = near(2);
            if (region.russian) {
                title("Ukrainian drones and shells hit " + count(places) + " villages " + inRegion());
                lead("Ukrainian forces attacked " + count(places) + " settlements " + inRegion()
                        + " over the past day, " + who(head) + " said " + reportDay() + ".");
                para("Drones struck " + town.name + " and " + n1.name + ", where " + people(rng.between(1, 4))
                        + " were injured, and " + n2.name + " came under artillery fire, " + head.surname()
                        + " said.");
                para("Russia's Defence Ministry said air defences had destroyed " + count(rng.between(5, 60))
                        + " Ukrainian drones over the region.");
                return;
            }
            title(rng.pick(new String[] {"Russia attacks " + places + " settlements " + inRegion() + " in a day",
                region.base + " region: " + number(strikes) + " strikes in 24 hours"}));
            lead("Russian forces carried out " + approx(strikes) + " strikes on " + count(places) + " settlements "
                    + inRegion() + " over the past day, " + who(head) + " said " + reportDay() + ".");
            para("Drones attacked " + town.name + ", " + n1.name + " and " + n2.name + ", while " + n3.name
                    + " came under artillery fire. " + aged(rng.pick(new String[] {"woman", "man"}))
                    + " was injured in " + n1.name + ", " + head.surname()
                    + " said.");
            para("Authorities received " + count(rng.between(4, 60)) + " reports of destroyed homes, cars and "
                    + "infrastructure, " + head.pronoun() + " added.");
        }

        private void withdrawal() {
            Official s = spokes();
            int daysEarlier = rng.between(2, 12);
            title(rng.pick(new String[] {"Ukrainian troops withdraw from " + town.name,
                "Ukraine pulls back from " + town.name + " to avoid encirclement"}));
            lead("Ukrainian forces have withdrawn from " + town.name + " " + inRegion() + " to avoid encirclement "
                    + "and preserve the lives of soldiers, " + s.name() + ", " + s.title() + ", said "
                    + reportDay() + ".");
            para("Russia's Defence Ministry had claimed " + count(daysEarlier) + " days earlier that its forces had "
                    + "taken full control of " + town.name + ".");
            para("The withdrawal leaves Russian forces " + placed(town, near(0)) + ", "
                    + rng.pick(new String[] {"a key road hub", "the next town on their way west",
                        "a village Ukraine has fortified for months"}) + ".");
        }

        private void liberation() {
            Official head = head();
            String unit = brigade();
            title(rng.pick(new String[] {"Ukraine says it liberated " + town.name,
                "Ukrainian flag raised over " + town.name + " again"}));
            lead("Ukrainian forces have liberated " + town.name + " " + inRegion() + ", " + who(head) + " said "
                    + reportDay() + ", posting a video of soldiers raising the Ukrainian flag over the village.");
            para("The " + unit + " said its units had cleared the village of Russian troops after " + count(
                    rng.between(2, 9)) + " days of fighting.");
            para("Russia's Defence Ministry did not comment on " + town.name + ", but said its troops had repelled "
                    + count(rng.between(2, 7)) + " attacks by Ukrainian units in the zone of " + group() + ".");
        }

        private void rocketFire() {
            Official head = head();
            int injured = rng.between(1, 9);
            title(rng.pick(new String[] {"Grad rockets hit " + town.name, "Russian rocket fire injures " + injured
                + " in " + town.name}));
            lead("Russian forces fired multiple rocket launchers at " + withDistrict(town) + " " + inRegion() + " "
                    + when() + ", injuring " + people(injured) + ", " + who(head) + " said.");
            para("Rockets hit " + two(DAMAGED) + ", " + head.surname()
                    + " said. " + rng.pick(new String[] {"The town has been shelled almost daily "
                        + (date.getYear() > 2022 ? "since 2022." : "for weeks."),
                        "Gas supply was cut to " + number(rng.between(50, 3000)) + " households."}));
        }

        private void deathToll() {
            Official head = head();
            int days = (int) Math.max(1, Math.min(rng.between(1, 4), date.toEpochDay() - FIRST_DAY.toEpochDay()));
            int killed = rng.between(5, 40);
            int children = rng.between(0, 5);
            title("Death toll from strike on " + town.name + " rises to " + killed);
            lead("The death toll from a Russian missile strike on " + town.name + " " + count(days)
                    + (days == 1 ? " day" : " days") + " ago has risen to " + count(killed)
                    + (children > 0 ? ", including " + count(children) + (children == 1 ? " child" : " children")
                        : "") + ", " + who(head) + " said " + reportDay() + ".");
            para("Rescue workers finished clearing the rubble of " + rng.pick(TARGETS) + ". " + approxCapital(
                    rng.between(10, 80)) + " people remain in hospital, " + head.pronoun() + " said.");
            para("A day of mourning was declared " + inRegion() + ".");
        }

        private void governorInterview() {
            Official head = head();
            int strikes = rng.between(3, 40);
            title(head.surname() + ": Russian forces shelled " + town.name + " " + strikes + " times in a day");
            lead(head.name() + ": Russian forces shelled " + town.name + " and nearby villages " + count(strikes)
                    + " times over the past day, injuring " + people(rng.between(1, 6)) + ".");
            para("The " + head.title() + " said on Telegram that the enemy had used artillery, drones and "
                    + "guided bombs. \"" + rng.pick(new String[] {"The situation in " + town.name + " remains "
                        + "difficult", "We urge residents of " + town.name + " to evacuate"}) + ",\" "
                    + head.surname() + " wrote.");
        }

        private void crossBorderDrones() {
            Official head = head();
            int injured = rng.between(1, 6);
            String target = rng.pick(new String[] {"car", "private house", "bus", "farm"});
            title(rng.pick(new String[] {"Governor: Ukrainian drone attack injures " + injured + " in " + town.name,
                "Drone hits " + target + " in " + town.name + " village"}));
            lead("A Ukrainian drone struck a " + target + " in the village of " + town.name + " " + inRegion() + " "
                    + when() + ", injuring " + people(injured) + ", " + who(head) + " said.");
            para("Russia's Defence Ministry said air defences had destroyed " + count(rng.between(8, 120))
                    + " Ukrainian drones over the " + region.base + " region and other regions overnight.");
            para("Kyiv does not usually comment on individual strikes on Russian territory, but says its attacks "
                    + "target military infrastructure.");
        }

        private void kurskClaim() {
            title(rng.pick(new String[] {"Russia says it recaptured " + town.name + " in Kursk region",
                "Moscow claims another village back in the Kursk region"}));
            lead("Russia's Defence Ministry said " + reportDay() + " that units of " + group() + " had "
                    + rng.pick(new String[] {"liberated", "recaptured"}) + " the village of " + town.name
                    + " in the Kursk region.");
            para("Ukraine's General Staff denied the claim and said its units continued to hold positions in the "
                    + "area, where they had repelled " + count(rng.between(3, 20)) + " Russian assaults over the "
                    + "past day.");
            para("Ukrainian forces crossed into the Kursk region on August 6, 2024.");
        }

        // ---- closing paragraphs ---------------------------------------------------------------------------

        private void background() {
            switch (rng.below(4)) {
                case 0 -> {
                    if (town.population > 0) {
                        long rounded = Math.max(100, Math.round(town.population / 100.0) * 100);
                        para("Before the full-scale invasion, " + town.name + " had about " + number(rounded)
                                + " residents.");
                    }
                }
                case 1 -> para(town.name + " lies " + placed(town, near(0)) + ".");
                case 2 -> para("Russia launched its full-scale invasion of Ukraine on February 24, 2022.");
                default -> para(rng.pick(new String[] {"The " + region.base + " region has been",
                    region.label + " has been"}) + " under daily attack " + rng.pick(new String[] {
                        "since the start of the war", "for months", since()}) + ".");
            }
        }

        private void caveat() {
            para(rng.pick(new String[] {
                "Neither side's battlefield reports could be independently verified.",
                "Journalists have little access to front-line areas, and both militaries restrict what they "
                    + "publish about troop movements.",
                "The claims could not be independently confirmed."}));
        }
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean summer(LocalDate d) {
        return d.getMonthValue() > 3 && d.getMonthValue() < 11;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** "2,000" for 2000: grouped digits, as English wire copy writes numbers. */
    static String number(long n) {
        String s = Long.toString(n);
        if (n < 1000) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + s.length() / 3);
        int first = s.length() % 3 == 0 ? 3 : s.length() % 3;
        b.append(s, 0, first);
        for (int k = first; k < s.length(); k += 3) {
            b.append(',').append(s, k, k + 3);
        }
        return b.toString();
    }

    private static String slug(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = Character.toLowerCase(s.charAt(k));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        return b.toString();
    }
}
