package fr.zlv.devdata.lovac;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The communes a generated file spreads dwellings over, read from the classpath reference CSVs (no
 * database needed). Paris, Lyon and Marseille are replaced by their arrondissements, as in LOVAC.
 */
final class ReferenceCommunes {

    record Place(String code, String departement, String name, String postcode, int population, double lon, double lat) {
    }

    private final List<Place> places;
    private final long[] cumulative;
    private final Map<String, List<Place>> byDepartement = new HashMap<>();

    private ReferenceCommunes(List<Place> places) {
        this.places = places;
        this.cumulative = new long[places.size()];
        long total = 0;
        for (int i = 0; i < places.size(); i++) {
            total += Math.max(1, places.get(i).population());
            cumulative[i] = total;
            byDepartement.computeIfAbsent(places.get(i).departement(), d -> new ArrayList<>()).add(places.get(i));
        }
    }

    static ReferenceCommunes load(Set<String> departements, Set<String> communes) {
        Map<String, double[]> centres = new HashMap<>();
        for (String[] r : read("commune_centroids.csv")) {
            centres.put(r[0], new double[] {Double.parseDouble(r[1]), Double.parseDouble(r[2])});
        }
        Map<String, List<String[]>> arrondissements = new HashMap<>();
        for (String[] r : read("arrondissements_municipaux.csv")) {
            arrondissements.computeIfAbsent(r[2], c -> new ArrayList<>()).add(r);
        }
        List<Place> places = new ArrayList<>();
        for (String[] r : read("communes.csv")) {
            String code = r[0];
            String dep = r[3];
            if (!departements.isEmpty() && !departements.contains(dep)) {
                continue;
            }
            if (!communes.isEmpty() && !communes.contains(code)) {
                continue;
            }
            double[] centre = centres.get(code);
            if (centre == null) {
                continue; // recent mergers without a centre
            }
            String postcode = r[8].isEmpty() ? dep + "000" : r[8].split("\\|")[0];
            List<String[]> arr = arrondissements.get(code);
            if (arr != null) {
                for (String[] a : arr) {
                    double[] c = centres.getOrDefault(a[0], centre);
                    String pc = a[6].isEmpty() ? postcode : a[6].split("\\|")[0];
                    places.add(new Place(a[0], dep, a[1], pc, parse(a[5]), c[0], c[1]));
                }
            } else {
                places.add(new Place(code, dep, r[1], postcode, parse(r[7]), centre[0], centre[1]));
            }
        }
        List<String> unknown = departements.stream().filter(d -> places.stream().noneMatch(p -> p.departement().equals(d)))
                .sorted().toList();
        if (!unknown.isEmpty()) { // a typo must not silently shrink the file to the other départements
            throw new IllegalArgumentException("Départements sans commune dans les données de référence : "
                    + String.join(", ", unknown) + ".");
        }
        if (places.isEmpty()) {
            throw new IllegalArgumentException("Aucune commune ne correspond aux départements ou communes demandés.");
        }
        return new ReferenceCommunes(places);
    }

    /** A place drawn in proportion to population. */
    Place pick(long random) {
        long target = Math.floorMod(random, cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return places.get(lo);
    }

    List<Place> inDepartement(String departement) {
        return byDepartement.getOrDefault(departement, places);
    }

    Place any(int index) {
        return places.get(Math.floorMod(index, places.size()));
    }

    private static int parse(String s) {
        try {
            return s.isEmpty() ? 1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static List<String[]> read(String file) {
        try (InputStream in = ReferenceCommunes.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference file " + file);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(line.split(";", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
