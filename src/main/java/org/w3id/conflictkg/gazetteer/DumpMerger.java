package org.w3id.conflictkg.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which places of a GeoNames dump a gazetteer gains, without duplicating what it already has.
 *
 * <p>A dump place whose GeoNames id the gazetteer already has is left out: the gazetteer's own entry, with its
 * curated label and variants, wins. A dump raion (ADM2) is matched to the gazetteer's raion (whose key is a slug)
 * by the settlements both place in it, else by name inside the same oblast; it is then left out and its places
 * point at the gazetteer's raion. A dump settlement that has the label and the raion of a gazetteer settlement
 * without GeoNames id (the hand-written front-line villages) completes that entry instead: same key, so the IRIs
 * already in the store stay valid, now with GeoNames id, point and population. Everything else is added.
 */
public final class DumpMerger {
    private static final int MAX_CHAIN = 16;

    /**
     * What to add: the new and completed places (completed ones keep their gazetteer key), and the counts of added,
     * completed, already known and raions matched to the gazetteer's.
     */
    public record Merge(List<Place> places, int added, int completed, int known, int raionsMatched) {
    }

    private DumpMerger() {
    }

    /** The places of a dump that the gazetteer gains, resolved against it as the class Javadoc says. */
    public static Merge merge(Gazetteer base, List<Place> dump) {
        Map<String, Place> byKey = new LinkedHashMap<>();
        dump.forEach(p -> byKey.put(p.key(), p));
        Map<String, Place> baseByGeonamesId = new HashMap<>();
        for (Place p : base.all()) {
            if (p.geonamesId() != null) {
                baseByGeonamesId.putIfAbsent(p.geonamesId(), p);
            }
        }
        // Dump key -> gazetteer key, for dump places the gazetteer already has (under its GeoNames id or a slug).
        Map<String, String> alias = new HashMap<>();
        for (Place d : dump) {
            Place known = baseByGeonamesId.get(d.geonamesId() != null ? d.geonamesId() : d.key());
            if (known != null) {
                alias.put(d.key(), known.key());
            }
        }
        int raionsMatched = matchRaions(base, byKey, alias);

        List<Place> out = new ArrayList<>();
        Set<String> completedKeys = new HashSet<>();
        int added = 0;
        int completed = 0;
        int known = 0;
        for (Place d : dump) {
            if (alias.containsKey(d.key())) {
                if (d.type() != PlaceType.RAION || baseByGeonamesId.containsKey(d.key())) {
                    known++;
                }
                continue;
            }
            String parent = d.parentKey() == null ? null : alias.getOrDefault(d.parentKey(), d.parentKey());
            Optional<Place> slug = unidentifiedTwin(base, d, resolvedChain(base, d, byKey, alias));
            if (slug.isPresent() && completedKeys.add(slug.get().key())) {
                out.add(complete(slug.get(), d));
                alias.put(d.key(), slug.get().key());
                completed++;
                continue;
            }
            out.add(new Place(d.key(), d.type(), d.label(), d.altLabels(), d.geonamesId(), parent, d.lat(), d.lon(),
                    d.population(), d.countryCode()));
            added++;
        }
        return new Merge(List.copyOf(out), added, completed, known, raionsMatched);
    }

    /**
     * Maps dump raions to the gazetteer's: first by the settlements both know (each votes for the pair of raions
     * it lies in), then, for raions no settlement decides, by a name of the raion inside the same oblast.
     */
    private static int matchRaions(Gazetteer base, Map<String, Place> dump, Map<String, String> alias) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Place d : dump.values()) {
            if (d.type() != PlaceType.SETTLEMENT || !alias.containsKey(d.key())) {
                continue;
            }
            String dumpRaion = raionInDump(d, dump);
            Optional<Place> baseRaion = base.get(alias.get(d.key())).flatMap(p -> raionInBase(base, p));
            if (dumpRaion != null && baseRaion.isPresent()) {
                votes.computeIfAbsent(dumpRaion, k -> new HashMap<>()).merge(baseRaion.get().key(), 1, Integer::sum);
            }
        }
        int matched = 0;
        for (Place d : dump.values()) {
            if (d.type() != PlaceType.RAION || alias.containsKey(d.key())) {
                continue;
            }
            String target = null;
            Map<String, Integer> v = votes.get(d.key());
            if (v != null) {
                target = v.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            } else {
                String oblast = d.parentKey() == null ? null : alias.getOrDefault(d.parentKey(), d.parentKey());
                Set<String> sameName = new LinkedHashSet<>();
                for (String name : names(d)) {
                    for (Place p : base.lookup(name)) {
                        if (p.type() == PlaceType.RAION && oblast != null && oblast.equals(p.parentKey())) {
                            sameName.add(p.key());
                        }
                    }
                }
                target = sameName.size() == 1 ? sameName.iterator().next() : null;
            }
            if (target != null) {
                alias.put(d.key(), target);
                matched++;
            }
        }
        return matched;
    }

    /** The first raion up a dump place's chain inside the dump, or null. */
    private static String raionInDump(Place d, Map<String, Place> dump) {
        String k = d.parentKey();
        for (int i = 0; k != null && i < MAX_CHAIN; i++) {
            Place p = dump.get(k);
            if (p == null) {
                return null;
            }
            if (p.type() == PlaceType.RAION) {
                return p.key();
            }
            k = p.parentKey();
        }
        return null;
    }

    private static Optional<Place> raionInBase(Gazetteer base, Place p) {
        return base.ancestors(p).stream().filter(a -> a.type() == PlaceType.RAION).findFirst();
    }

    /**
     * The gazetteer settlement without GeoNames id that a dump settlement is: same folded label, and its parent (a
     * raion, or a hromada) among the dump settlement's ancestors as resolved against the gazetteer. Empty when there
     * is none, or more than one.
     */
    private static Optional<Place> unidentifiedTwin(Gazetteer base, Place d, Set<String> chain) {
        if (d.type() != PlaceType.SETTLEMENT) {
            return Optional.empty();
        }
        String label = NameFolder.fold(d.label());
        List<Place> twins = new ArrayList<>();
        for (Place p : base.lookup(d.label())) {
            if (p.geonamesId() == null && p.type() == PlaceType.SETTLEMENT && NameFolder.fold(p.label()).equals(label)
                    && p.parentKey() != null && chain.contains(p.parentKey())) {
                twins.add(p);
            }
        }
        return twins.size() == 1 ? Optional.of(twins.get(0)) : Optional.empty();
    }

    /** The keys of a dump place's ancestors, dump keys replaced by the gazetteer's where it has the place. */
    private static Set<String> resolvedChain(Gazetteer base, Place d, Map<String, Place> dump,
                                             Map<String, String> alias) {
        Set<String> chain = new LinkedHashSet<>();
        String k = d.parentKey();
        for (int i = 0; k != null && i < MAX_CHAIN; i++) {
            String resolved = alias.getOrDefault(k, k);
            chain.add(resolved);
            Optional<Place> inBase = alias.containsKey(k) ? base.get(resolved) : Optional.empty();
            if (inBase.isPresent()) {
                base.ancestors(inBase.get()).forEach(a -> chain.add(a.key()));
                break;
            }
            Place p = dump.get(k);
            k = p == null ? null : p.parentKey();
        }
        return chain;
    }

    private static Place complete(Place slug, Place d) {
        Set<String> alts = new LinkedHashSet<>(slug.altLabels());
        alts.addAll(d.altLabels());
        if (!d.label().equals(slug.label())) {
            alts.add(d.label());
        }
        alts.remove(slug.label());
        return new Place(slug.key(), slug.type(), slug.label(), List.copyOf(alts), d.geonamesId(), slug.parentKey(),
                d.lat(), d.lon(), Math.max(slug.population(), d.population()),
                slug.countryCode() != null ? slug.countryCode() : d.countryCode());
    }

    private static List<String> names(Place p) {
        List<String> n = new ArrayList<>();
        n.add(p.label());
        n.addAll(p.altLabels());
        return n;
    }
}
