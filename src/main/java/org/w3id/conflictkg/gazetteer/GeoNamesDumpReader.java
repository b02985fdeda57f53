package org.w3id.conflictkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.conflictkg.KgException;

/**
 * Reads a GeoNames dump file (the 19-column tab-separated format of {@code UA.txt} or {@code cities500.txt})
 * into places, resolving each place's parent through the first-level division codes.
 *
 * <p>Kept: feature class P (settlements; PPLX sections of a city as city districts), A with ADM1, ADM2, ADM3 and
 * PCLI, and H with STM (rivers); other features are counted as ignored. A malformed line is skipped, counted and
 * reported with its file and line number; it never stops the read. Alternate names are kept when written in
 * Latin letters (capitalised, so romanisations such as "kwpyansk" and codes such as "UKS" drop out) or in
 * Russian or Ukrainian Cyrillic; other scripts are dropped. Labels follow English news: Ukrainian places get the
 * Ukrainian-based romanisation where GeoNames has a Russian-based or older one, Russian places lose the
 * soft-sign apostrophes (see {@code Romanizer}); the GeoNames name then stays among the variants.
 */
public final class GeoNamesDumpReader {
    private static final Logger LOG = LoggerFactory.getLogger(GeoNamesDumpReader.class);
    /** The GeoNames ids of the two countries of the war, by ISO code: the parents of their oblasts. */
    public static final Map<String, String> COUNTRY_KEYS = Map.of("UA", "690791", "RU", "2017370");
    private static final int COLUMNS = 19;
    private static final int MAX_PROBLEMS_KEPT = 200;
    private static final int MAX_NAME_LENGTH = 60;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z]{2,5}");
    /** Russian and Ukrainian letters; names with other Cyrillic letters (ў, ј, ә...) are another language's. */
    private static final Pattern RU_UK_CYRILLIC = Pattern.compile("[А-Яа-яЁёІіЇїЄєҐґ'’ʼ .\\-]+");
    private static final Pattern BAD_CHARS = Pattern.compile(".*[\\d\\[\\](){}<>\"/\\\\|;:@#*+=_?!].*");

    private final Map<String, String> admin1Keys;
    private final Map<String, String> countryKeys;

    /** The outcome of a read: the places, and what was skipped with the reasons (at most 200 kept). */
    public record Result(List<Place> places, int malformedLines, int ignoredLines, List<String> problems) {
    }

    /** One line of a dump, parsed. */
    record Row(String id, String name, String asciiName, List<String> altNames, double lat, double lon,
               String featureClass, String featureCode, String countryCode, String admin1, String admin2,
               String admin3, long population) {
        String admin1Code() {
            return countryCode + "." + admin1;
        }

        String admin2Code() {
            return admin1Code() + "." + admin2;
        }

        String admin3Code() {
            return admin2Code() + "." + admin3;
        }

        /** The name, the ASCII name and every alternate name, without duplicates. */
        List<String> allNames() {
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            names.add(asciiName);
            names.addAll(altNames);
            names.remove("");
            return List.copyOf(names);
        }
    }

    /**
     * A reader resolving parents through the given first-level codes ("UA.07" to the id "706482") and the
     * countries of {@link #COUNTRY_KEYS}.
     */
    public GeoNamesDumpReader(Map<String, String> admin1Keys) {
        this(admin1Keys, COUNTRY_KEYS);
    }

    /** A reader resolving parents through the given first-level codes and country keys (ISO code to key). */
    public GeoNamesDumpReader(Map<String, String> admin1Keys, Map<String, String> countryKeys) {
        this.admin1Keys = Map.copyOf(admin1Keys);
        this.countryKeys = Map.copyOf(countryKeys);
    }

    /**
     * Reads a file in GeoNames' {@code admin1CodesASCII.txt} format (code, name, ASCII name, GeoNames id) into a
     * map from code ("UA.07") to GeoNames id. Fails on a malformed line: the file is small and curated.
     */
    public static Map<String, String> readAdmin1Codes(Path tsv) {
        Map<String, String> codes = new HashMap<>();
        for (String[] cols : readAdmin1Rows(tsv)) {
            codes.put(cols[0], cols[3]);
        }
        return codes;
    }

    /** The rows of an admin1 codes file, each as its four columns. */
    static List<String[]> readAdmin1Rows(Path tsv) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 4 || !cols[0].matches("[A-Z]{2}\\.\\w+") || !DIGITS.matcher(cols[3]).matches()) {
                    throw new KgException(tsv + ":" + n + ": expected CODE<TAB>name<TAB>ascii name<TAB>GeoNames id");
                }
                rows.add(cols);
            }
        } catch (IOException e) {
            throw new KgException(tsv + ": cannot read admin1 codes: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Reads a dump into places with their parents resolved; malformed lines are skipped and reported. */
    public Result read(Path dump) {
        List<String> problems = new ArrayList<>();
        int[] malformed = {0};
        int[] ignored = {0};
        List<Row> rows = readRows(dump, r -> true, problems, malformed, ignored);
        Map<String, String> admin1 = new HashMap<>(admin1Keys);
        Map<String, String> admin2 = new HashMap<>();
        Map<String, String> admin3 = new HashMap<>();
        for (Row r : rows) {
            switch (r.featureCode()) {
                case "ADM1" -> admin1.putIfAbsent(r.admin1Code(), r.id());
                case "ADM2" -> admin2.put(r.admin2Code(), r.id());
                case "ADM3" -> admin3.put(r.admin3Code(), r.id());
                default -> {
                }
            }
        }
        List<Place> places = new ArrayList<>(rows.size());
        for (Row r : rows) {
            PlaceType type = typeOf(r.featureClass(), r.featureCode());
            String country = countryKeys.get(r.countryCode());
            String parent = switch (type) {
                case COUNTRY -> null;
                case OBLAST, RIVER -> country;
                case RAION -> firstNonNull(admin1.get(r.admin1Code()), country);
                case HROMADA -> firstNonNull(admin2.get(r.admin2Code()), admin1.get(r.admin1Code()), country);
                default -> firstNonNull(admin3.get(r.admin3Code()), admin2.get(r.admin2Code()),
                        admin1.get(r.admin1Code()), country);
            };
            places.add(toPlace(r, parent));
        }
        if (malformed[0] > 0) {
            LOG.warn("{}: skipped {} malformed lines", dump, malformed[0]);
        }
        LOG.info("{}: read {} places ({} lines of other features ignored)", dump, places.size(), ignored[0]);
        return new Result(List.copyOf(places), malformed[0], ignored[0], List.copyOf(problems));
    }

    /**
     * Parses the lines of a dump whose feature is kept and that pass the filter. Problems are added to the list
     * (at most 200 kept, all counted in {@code malformed[0]}); lines of other features are counted in
     * {@code ignored[0]}.
     */
    static List<Row> readRows(Path dump, Predicate<Row> filter, List<String> problems, int[] malformed,
                              int[] ignored) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String reason = check(cols);
                if (reason != null) {
                    malformed[0]++;
                    String problem = dump + ":" + n + ": " + reason + ", line skipped";
                    if (problems.size() < MAX_PROBLEMS_KEPT) {
                        problems.add(problem);
                    }
                    if (malformed[0] <= 10) {
                        LOG.warn(problem);
                    }
                    continue;
                }
                if (typeOf(cols[6], cols[7]) == null) {
                    ignored[0]++;
                    continue;
                }
                Row row = new Row(cols[0], cols[1].strip(), cols[2].strip(), splitNames(cols[3]),
                        Double.parseDouble(cols[4]), Double.parseDouble(cols[5]), cols[6], cols[7], cols[8],
                        cols[10], cols[11], cols[12], cols[14].isEmpty() ? 0 : Long.parseLong(cols[14]));
                if (filter.test(row)) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new KgException(dump + ": cannot read GeoNames dump: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Why a line's columns are not a GeoNames record, or null when they are. */
    private static String check(String[] cols) {
        if (cols.length != COLUMNS) {
            return "expected " + COLUMNS + " tab-separated columns, found " + cols.length;
        }
        if (!DIGITS.matcher(cols[0]).matches()) {
            return "geonameid '" + cols[0] + "' is not a number";
        }
        if (cols[1].isBlank()) {
            return "empty name";
        }
        Double lat = parseDouble(cols[4]);
        if (lat == null || lat < -90 || lat > 90) {
            return "latitude '" + cols[4] + "' is not a number between -90 and 90";
        }
        Double lon = parseDouble(cols[5]);
        if (lon == null || lon < -180 || lon > 180) {
            return "longitude '" + cols[5] + "' is not a number between -180 and 180";
        }
        if (!cols[14].isEmpty() && !DIGITS.matcher(cols[14]).matches()) {
            return "population '" + cols[14] + "' is not a whole number";
        }
        if (!cols[8].isEmpty() && !cols[8].matches("[A-Z]{2}")) {
            return "country code '" + cols[8] + "' is not two capital letters";
        }
        return null;
    }

    private static Double parseDouble(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The place type of a GeoNames feature class and code, or null for features the gazetteer does not keep. */
    static PlaceType typeOf(String featureClass, String featureCode) {
        switch (featureClass) {
            case "P":
                return "PPLX".equals(featureCode) ? PlaceType.CITYDISTRICT : PlaceType.SETTLEMENT;
            case "A":
                return switch (featureCode) {
                    case "ADM1" -> PlaceType.OBLAST;
                    case "ADM2" -> PlaceType.RAION;
                    case "ADM3" -> PlaceType.HROMADA;
                    case "PCLI" -> PlaceType.COUNTRY;
                    default -> null;
                };
            case "H":
                return "STM".equals(featureCode) ? PlaceType.RIVER : null;
            default:
                return null;
        }
    }

    /** A row as a place with the given parent: the label and variants chosen as the class Javadoc says. */
    static Place toPlace(Row r, String parentKey) {
        List<String> cyrillic = new ArrayList<>();
        List<String> latin = new ArrayList<>();
        for (String n : r.allNames()) {
            String cleaned = n.replace("\u0301", "").strip();
            if (NameFolder.isLatin(cleaned)) {
                latin.add(cleaned);
            } else if (NameFolder.isCyrillicName(cleaned)) {
                cyrillic.add(cleaned);
            }
        }
        String label = switch (r.countryCode()) {
            case "UA" -> Romanizer.ukrainianLabel(r.name(), cyrillic, latin);
            case "RU" -> Romanizer.russianLabel(r.name());
            default -> r.name();
        };
        Set<String> alts = new LinkedHashSet<>();
        for (String n : latin) {
            if (keepLatin(n)) {
                alts.add(n);
            }
        }
        for (String n : cyrillic) {
            if (n.length() <= MAX_NAME_LENGTH && RU_UK_CYRILLIC.matcher(n).matches()) {
                alts.add(n);
            }
        }
        if (!label.equals(r.name())) {
            alts.add(r.name());
        }
        alts.remove(label);
        PlaceType type = typeOf(r.featureClass(), r.featureCode());
        return new Place(r.id(), type, label, List.copyOf(alts), r.id(), parentKey, r.lat(), r.lon(),
                r.population(), r.countryCode().isEmpty() ? null : r.countryCode());
    }

    private static boolean keepLatin(String n) {
        return n.length() <= MAX_NAME_LENGTH
                && Character.isUpperCase(n.codePointAt(0))
                && !CODE_LIKE.matcher(n).matches()
                && !BAD_CHARS.matcher(n).matches();
    }

    private static List<String> splitNames(String column) {
        if (column.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String n : column.split(",")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        return names;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
