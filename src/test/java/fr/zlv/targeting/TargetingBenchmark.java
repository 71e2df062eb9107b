package fr.zlv.targeting;

import fr.zlv.ZlvApplication;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.Role;
import fr.zlv.access.UserManagement;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/targeting: loads a national-scale generated dataset, then replays filter combinations through
 * the HTTP API with concurrent clients, and the very same SQL statements (built by {@link HousingQueries})
 * directly over JDBC as the baseline. Not a test (no *Tests name): run by bench/targeting/run.sh.
 * The product runs in this JVM (same machine, same pool); client threads are light next to the server.
 */
public final class TargetingBenchmark {

    private static final String[] STREETS = {"DE LA REPUBLIQUE", "VICTOR HUGO", "JEAN JAURES", "DU GENERAL DE GAULLE",
            "PASTEUR", "DE LA GARE", "DE L EGLISE", "DES ECOLES", "NATIONALE", "DU MOULIN", "DE PARIS", "GAMBETTA",
            "DU CHATEAU", "SAINT MARTIN", "DES LILAS", "FOCH", "CARNOT", "DU STADE", "DE LA MAIRIE", "DES TILLEULS"};
    private static final String[] SURNAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
            "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
            "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE",
            "FAURE", "ANDRE", "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND",
            "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU",
            "GAUTIER", "MASSON", "DESCHAMPS", "LEMAIRE", "DUVAL", "JOLY", "ROGER", "ROCHE", "NOEL", "MEYER", "LUCAS",
            "HOARAU", "COLIN", "VIDAL", "CARON", "PICARD", "ROGER", "DUMAS", "LEBRUN", "BRUN", "BARBIER", "ARNAUD"};
    private static final String[] GIVEN = {"JEAN", "MARIE", "PIERRE", "MICHEL", "ANNE", "PHILIPPE", "NATHALIE", "ALAIN",
            "ISABELLE", "PATRICK", "SYLVIE", "NICOLAS", "CATHERINE", "CHRISTOPHE", "MONIQUE", "FRANCOISE", "LOUIS",
            "EMILIE", "JULIEN", "CELINE", "ELODIE", "HELENE", "ANDRE", "GERARD", "SOPHIE", "ERIC", "CLAIRE", "PAUL"};

    record Sample(String combo, double listMs, double countMs) {
        double total() {
            return listMs + countMs;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int total = Integer.parseInt(options.getOrDefault("dwellings", "1350000"));
        int territory = Integer.parseInt(options.getOrDefault("territory-dwellings", "75000"));
        String departement = options.getOrDefault("departement", "59");
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int nationalClients = Integer.parseInt(options.getOrDefault("national-clients", "2"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        int nationalRounds = Integer.parseInt(options.getOrDefault("national-rounds", "1"));

        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZlvApplication.class)
                .properties("zlv.demo=false", "server.port=0", "logging.level.root=WARN",
                        "spring.datasource.hikari.maximum-pool-size=20")
                .run("--server.port=0"); // over the configuration's ZLV_PORT/8080, which another run may hold
        try {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            boolean generated = generate(jdbc, total, territory, departement);
            System.out.printf(Locale.ROOT, "dataset: %,d dwellings (%s in %.0f s)%n",
                    jdbc.sql("select count(*) from housing").query(Long.class).single(),
                    generated ? "generated" : "already there", (System.nanoTime() - t0) / 1e9);

            var establishments = context.getBean(EstablishmentManagement.class);
            var users = context.getBean(UserManagement.class);
            var tokens = context.getBean(ApiTokenManagement.class);
            Establishment dep = Roles.asSystem(() -> establishments.createFromReference("DEP-" + departement));
            String agentToken = token(users, tokens, Role.USUAL, List.of(dep.id()));
            String visitorToken = token(users, tokens, Role.VISITOR, List.of());
            TerritoryScope depScope = TerritoryScope.communes(dep.id(), Roles.asSystem(() -> establishments.perimeter(dep.id())));
            TerritoryScope national = TerritoryScope.national(null);
            System.out.printf(Locale.ROOT, "territory (a): %s, %,d dwellings%n", dep.name(),
                    jdbc.sql("select count(*) from housing where commune_code = any(?)").param(depScope.communeArray())
                            .query(Long.class).single());

            List<String> combos = combinations();
            System.out.printf(Locale.ROOT, "%d filter combinations, list (page 1, 50 rows) + count each%n", combos.size());
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;

            if (Boolean.parseBoolean(options.getOrDefault("profile", "false"))) {
                profile(jdbc, depScope, combos);
                return;
            }
            // warm-up: every combination once through each path
            run(1, 1, combos, (c, i) -> api(http, base, agentToken, c));
            run(1, 1, combos, (c, i) -> sql(jdbc, depScope, c));

            List<Sample> apiA = run(clients, rounds, combos, (c, i) -> api(http, base, agentToken, c));
            List<Sample> sqlA = run(clients, rounds, combos, (c, i) -> sql(jdbc, depScope, c));
            report("(a) " + dep.name() + ", " + clients + " clients", apiA, sqlA);
            slowest("(a)", apiA);

            // map of the whole territory
            List<Double> mapApi = new ArrayList<>();
            List<Double> mapSql = new ArrayList<>();
            long[] wire = {0, 0, 0};
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/housings/map"))
                        .header("Authorization", "Bearer " + agentToken).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                mapApi.add((System.nanoTime() - start) / 1e6);
                wire[0] = response.body().length;
                start = System.nanoTime();
                var statement = HousingQueries.map(depScope, HousingFilter.none());
                long[] rows = {0};
                jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
                    rows[0]++;
                });
                mapSql.add((System.nanoTime() - start) / 1e6);
                wire[1] = rows[0];
            }
            var plain = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/housings/map"))
                    .header("Authorization", "Bearer " + agentToken).build(), HttpResponse.BodyHandlers.ofByteArray());
            wire[2] = plain.body().length;
            System.out.printf(Locale.ROOT, "(a) map: %,d points, API median %.0f ms (p95 %.0f), %.2f MB gzip on the wire "
                            + "(%.2f MB uncompressed); direct SQL median %.0f ms; ratio %.2f%n", wire[1], median(mapApi),
                    percentile(mapApi, 95), wire[0] / 1e6, wire[2] / 1e6, median(mapSql), median(mapApi) / median(mapSql));

            if (Boolean.parseBoolean(options.getOrDefault("skip-national", "false"))) {
                return;
            }
            run(1, 1, combos.subList(0, 5), (c, i) -> api(http, base, visitorToken, c));
            List<Sample> apiB = run(nationalClients, nationalRounds, combos, (c, i) -> api(http, base, visitorToken, c));
            List<Sample> sqlB = run(nationalClients, nationalRounds, combos, (c, i) -> sql(jdbc, national, c));
            report("(b) national VISITOR, " + nationalClients + " clients", apiB, sqlB);
            slowest("(b)", apiB);
        } finally {
            context.close();
        }
    }

    // ---- measurement -------------------------------------------------------------------------

    /** One client, each combination alone: where the time goes, and the plans of the slowest. */
    private static void profile(JdbcClient jdbc, TerritoryScope scope, List<String> combos) {
        combos.forEach(c -> sql(jdbc, scope, c));
        List<Sample> samples = combos.stream().map(c -> sql(jdbc, scope, c)).toList();
        List<Sample> sorted = samples.stream().sorted(java.util.Comparator.comparingDouble(Sample::total).reversed()).toList();
        System.out.println("single client, direct SQL, slowest first:");
        sorted.stream().limit(15).forEach(x -> System.out.printf(Locale.ROOT, "  list %6.0f ms  count %6.0f ms  %s%n",
                x.listMs(), x.countMs(), x.combo().isEmpty() ? "(none)" : x.combo()));
        System.out.printf(Locale.ROOT, "  sum of all: %.0f ms%n", samples.stream().mapToDouble(Sample::total).sum());
        for (Sample x : sorted.subList(0, 3)) {
            Map<String, String[]> parameters = parse(x.combo());
            HousingFilter filter = HousingFilter.parse(parameters, ListRequest.PARAMETERS);
            for (var statement : List.of(HousingQueries.list(scope, filter, ListRequest.parse(parameters)),
                    HousingQueries.count(scope, filter))) {
                System.out.println("---- " + x.combo());
                jdbc.sql("explain (analyze, costs off) " + statement.sql()).params(statement.params())
                        .query(String.class).list().forEach(line -> System.out.println("  " + line));
            }
        }
    }

    /** Each client walks the combinations from its own offset, {@code rounds} times. */
    private static List<Sample> run(int clients, int rounds, List<String> combos, BiFunction<String, Integer, Sample> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Sample>>> futures = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int offset = client * combos.size() / clients;
            futures.add(pool.submit(() -> {
                List<Sample> samples = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < combos.size(); i++) {
                        samples.add(call.apply(combos.get((offset + i) % combos.size()), i));
                    }
                }
                return samples;
            }));
        }
        List<Sample> all = new ArrayList<>();
        for (var f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static Sample api(HttpClient http, String base, String token, String combo) {
        try {
            String query = combo.isEmpty() ? "" : "?" + encode(combo);
            long start = System.nanoTime();
            var list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/housings" + query))
                    .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            double listMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            String filterOnly = String.join("&", java.util.Arrays.stream(combo.split("&"))
                    .filter(p -> !p.isEmpty() && !p.startsWith("sort=") && !p.startsWith("page=") && !p.startsWith("perPage="))
                    .toList());
            String countQuery = filterOnly.isEmpty() ? "" : "?" + encode(filterOnly);
            var count = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/housings/count" + countQuery))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            double countMs = (System.nanoTime() - start) / 1e6;
            if (list.statusCode() != 200 || count.statusCode() != 200) {
                throw new IllegalStateException(combo + ": list " + list.statusCode() + ", count " + count.statusCode() + " "
                        + new String(count.body(), StandardCharsets.UTF_8));
            }
            return new Sample(combo, listMs, countMs);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sample sql(JdbcClient jdbc, TerritoryScope scope, String combo) {
        Map<String, String[]> parameters = parse(combo);
        HousingFilter filter = HousingFilter.parse(parameters, ListRequest.PARAMETERS);
        ListRequest paging = ListRequest.parse(parameters);
        var list = HousingQueries.list(scope, filter, paging);
        long start = System.nanoTime();
        jdbc.sql(list.sql()).params(list.params()).query(rs -> {
            rs.getLong(1);
        });
        double listMs = (System.nanoTime() - start) / 1e6;
        var count = HousingQueries.count(scope, filter);
        start = System.nanoTime();
        jdbc.sql(count.sql()).params(count.params()).query(rs -> {
            rs.getLong(2);
        });
        return new Sample(combo, listMs, (System.nanoTime() - start) / 1e6);
    }

    private static void report(String title, List<Sample> api, List<Sample> sql) {
        System.out.printf(Locale.ROOT, "%s: %d samples%n", title, api.size());
        System.out.printf(Locale.ROOT, "  %-14s %8s %8s | %8s %8s | %s%n", "", "API p50", "API p95", "SQL p50", "SQL p95", "ratio p95");
        for (String what : List.of("list", "count", "list+count")) {
            List<Double> a = values(api, what);
            List<Double> s = values(sql, what);
            System.out.printf(Locale.ROOT, "  %-14s %6.0fms %6.0fms | %6.0fms %6.0fms | %.2f%n", what, percentile(a, 50),
                    percentile(a, 95), percentile(s, 50), percentile(s, 95), percentile(a, 95) / percentile(s, 95));
        }
    }

    private static void slowest(String title, List<Sample> samples) {
        Map<String, Double> worst = new LinkedHashMap<>();
        samples.forEach(s -> worst.merge(s.combo(), s.total(), Math::max));
        System.out.println(title + " slowest combinations (list+count):");
        worst.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %6.0f ms  %s%n", e.getValue(), e.getKey().isEmpty() ? "(none)" : e.getKey()));
    }

    private static List<Double> values(List<Sample> samples, String what) {
        return samples.stream().map(s -> switch (what) {
            case "list" -> s.listMs();
            case "count" -> s.countMs();
            default -> s.total();
        }).toList();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    // ---- the combinations --------------------------------------------------------------------

    /** 56 combinations: single filters, owner filters, searches and mixes, several sorts and pages. */
    static List<String> combinations() {
        return List.of(
                "", "statuses=0", "statuses=1,2", "occupancies=V", "occupancies=V,L,null", "housingKinds=MAISON",
                "housingKinds=APPART&roomsCounts=1,2", "vacancyYears=2021,2022", "vacancyYears=before2010",
                "vacancyYears=missingData", "dataFileYearsIncluded=lovac-2025", "dataFileYearsExcluded=lovac-2024",
                "buildingPeriods=lt1919", "buildingPeriods=1946to1990&housingAreas=lt35", "housingAreas=gte100",
                "energyConsumption=F,G", "energyConsumption=null", "housingCounts=gte50", "vacancyRates=gte80",
                "ownershipKinds=co", "cadastralClassifications=6,7,8", "lastMutationTypes=donation",
                "lastMutationYears=2015to2020", "isTaxedValues=true", "beneficiaryCounts=gte5", "scoreMin=70",
                "localityKinds=ACV,PVD", "ownerKinds=sci-copro", "ownerKinds=particulier&ownerAges=gte100",
                "ownerAges=75to99", "ownerAges=null", "relativeLocations=foreign-country,overseas",
                "relativeLocations=same-commune", "multiOwners=true", "multiOwners=true&ownerKinds=particulier",
                "ownerKinds=promoteur,bailleur-social&statuses=0", "query=martin", "query=dupont jean",
                "query=jean dupont", "query=rue victor hugo", "query=lefevre", "query=garcia marie", "query=moulin",
                "query=B00000012345", "statuses=0&occupancies=V&housingKinds=MAISON",
                "statuses=0&vacancyYears=2020,2021,2022&ownerAges=60to74,75to99",
                "housingKinds=APPART&energyConsumption=F,G&ownershipKinds=co",
                "subStatuses=en-accompagnement,sortie-de-la-vacance", "precisions=travaux/en-cours",
                "statuses=0&sort=-score", "sort=owner", "sort=-vacancyStart&page=3", "sort=status,occupancy&perPage=200",
                "occupancies=V&page=20", "query=martin&ownerKinds=particulier&sort=owner",
                "isTaxedValues=false&multiOwners=false&relativeLocations=same-department");
    }

    // ---- data --------------------------------------------------------------------------------

    /** Generates the dataset in SQL (random values, same distributions each time), unless it is already there. */
    private static boolean generate(JdbcClient jdbc, int total, int territory, String departement) {
        long existing = jdbc.sql("select count(*) from housing where local_id like 'B%'").query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        System.out.println("generating " + total + " dwellings (" + territory + " in département " + departement + ")…");
        jdbc.sql("drop table if exists bench_commune").update();
        jdbc.sql("""
                create unlogged table bench_commune as
                with dep as (select code, coalesce(population, 0) + 50 as w from commune where departement = ? and longitude is not null),
                     other as (select code, coalesce(population, 0) + 50 as w from commune where departement <> ? and longitude is not null)
                select code, greatest(round(w * ?::numeric / (select sum(w) from dep)), 0)::int as n from dep
                union all
                select code, greatest(round(w * ?::numeric / (select sum(w) from other)), 0)::int from other""")
                .params(departement, departement, territory, total - territory).update();
        String streets = "array['" + String.join("','", STREETS) + "']";
        jdbc.sql("""
                insert into housing (local_id, invariant, geo_code, commune_code, departement, cadastral_reference, building_id,
                                     address_dgfip, longitude, latitude, geolocation_source, kind, rooms, living_area,
                                     building_year, cadastral_classification, condominium, taxed, vacancy_start_year, occupancy,
                                     status, sub_status, precisions, energy_label, mutation_type, mutation_date,
                                     beneficiary_count, data_file_years, last_lovac_year, priority_score)
                select 'B' || lpad(x.n::text, 11, '0'), lpad(x.n::text, 10, '0'), x.code, x.code, x.departement,
                       'R' || lpad(x.n::text, 11, '0'),
                       case when x.r1 < 0.4 then 'BAT' || (x.n / 6) end,
                       array[(1 + floor(x.r2 * 120))::int || ' ' || (array['RUE','AVENUE','BOULEVARD','PLACE','CHEMIN','IMPASSE'])[1 + floor(x.r3 * 6)::int]
                             || ' ' || (%s)[1 + floor(x.r4 * 20)::int], coalesce(x.postal, '00000') || ' ' || upper(x.name)],
                       case when x.r5 > 0.05 then x.lon + (x.r6 - 0.5) * 0.03 end,
                       case when x.r5 > 0.05 then x.lat + (x.r7 - 0.5) * 0.02 end, 'ff',
                       case when x.r8 < 0.55 then 'APPART' else 'MAISON' end,
                       case when x.r9 < 0.03 then null else 1 + floor(x.r9 * 6)::int end,
                       case when x.r10 < 0.03 then null else round((15 + x.r10 * 160)::numeric, 0) end,
                       case when x.r11 < 0.1 then null else 1850 + floor(x.r11 * 170)::int end,
                       1 + floor(x.r12 * 8)::int,
                       case when x.r13 < 0.6 then null when x.r13 < 0.9 then 'CL' else 'MP' end,
                       x.r14 < 0.4,
                       case when x.r15 < 0.05 then null else 1990 + floor(x.r15 * 33)::int end,
                       case when x.r16 < 0.9 then 'V' when x.r16 < 0.95 then 'L' else 'inconnu' end,
                       x.status,
                       case x.status when 3 then 'En accompagnement' when 4 then 'Sortie de la vacance' end,
                       case when x.status = 3 then array['travaux/en-cours'] else '{}' end,
                       case when x.r17 < 0.2 then (array['A','B','C','D','E','F','G'])[1 + floor(x.r18 * 7)::int] end,
                       case when x.r19 < 0.5 then 'Vente' end,
                       case when x.r19 < 0.8 then make_date(1990 + floor(x.r20 * 35)::int, 1 + floor(x.r18 * 12)::int, 1) end,
                       case when x.r21 < 0.05 then null else floor(x.r21 * 7)::int end,
                       case when x.r22 < 0.6 then array['lovac-2024','lovac-2025'] when x.r22 < 0.95 then array['lovac-2025']
                            else array['lovac-2024'] end,
                       case when x.r22 < 0.95 then 2025 else 2024 end,
                       floor(x.r23 * 101)::int
                  from (select row_number() over () as n, c.code, c.departement, c.postal_codes[1] as postal, c.name,
                               c.longitude as lon, c.latitude as lat,
                               case when random() < 0.70 then 0 when random() < 0.35 then 1 when random() < 0.3 then 2
                                    when random() < 0.4 then 3 when random() < 0.6 then 4 else 5 end as status,
                               random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                               random() r8, random() r9, random() r10, random() r11, random() r12, random() r13, random() r14,
                               random() r15, random() r16, random() r17, random() r18, random() r19, random() r20,
                               random() r21, random() r22, random() r23
                          from bench_commune b join commune c on c.code = b.code cross join lateral generate_series(1, b.n) g) x
                """.formatted(streets)).update();
        long housings = jdbc.sql("select count(*) from housing where local_id like 'B%'").query(Long.class).single();
        long ownersWanted = Math.round(housings * 0.9);
        String surnames = "array['" + String.join("','", SURNAMES) + "']";
        String given = "array['" + String.join("','", GIVEN) + "']";
        jdbc.sql("""
                insert into owner (owner_key, idpersonne, full_name, administrator, birth_date, address_dgfip, kind_code)
                select 'bench-' || g, lpad(g::text, 8, '0'),
                       (%s)[1 + floor(random() * %d)::int] || '/' || (%s)[1 + floor(random() * %d)::int],
                       case when random() < 0.03 then 'CABINET ' || (%s)[1 + floor(random() * %d)::int] end,
                       case when random() < 0.06 then null else date '1920-01-01' + floor(random() * 30000)::int end,
                       array[(1 + floor(random() * 120))::int || ' RUE ' || (%s)[1 + floor(random() * 20)::int],
                             lpad((1000 + floor(random() * 94000))::int::text, 5, '0') || ' VILLE'],
                       case when random() < 0.85 then 'particulier' when random() < 0.5 then 'sci-copro'
                            when random() < 0.5 then 'promoteur' when random() < 0.5 then 'bailleur-social'
                            when random() < 0.5 then 'etat-collectivite' else 'autres' end
                  from generate_series(1, ?) g""".formatted(surnames, SURNAMES.length, given, GIVEN.length, surnames,
                SURNAMES.length, streets)).param(ownersWanted).update();
        long minOwner = jdbc.sql("select min(id) from owner where owner_key like 'bench-%'").query(Long.class).single();
        // the copies of the primary owner on housing (V28) are refreshed once at the end rather than by the
        // triggers after each of the statements below (each would rewrite every dwelling)
        jdbc.sql("alter table ownership disable trigger user").update();
        jdbc.sql("alter table owner disable trigger user").update();
        jdbc.sql("""
                insert into ownership (housing_id, owner_id, rank, property_right, relative_location, origin)
                select h.id, ? + (h.id * 7919) %% ?, 1, 'proprietaire-entier',
                       (array['same-address','same-commune','same-department','same-region','other-region','overseas',
                              'foreign-country','other'])[1 + floor(random() * 8)::int], 'lovac-2025'
                  from housing h where h.local_id like 'B%%'""".formatted()).params(minOwner, ownersWanted).update();
        jdbc.sql("""
                insert into ownership (housing_id, owner_id, rank, property_right, origin)
                select h.id, ? + (h.id * 104729 + 17) %% ?, 2, 'usufruitier', 'lovac-2025'
                  from housing h where h.local_id like 'B%%' and h.id %% 5 < 2
                on conflict do nothing""".formatted()).params(minOwner, ownersWanted).update();
        jdbc.sql("""
                insert into building (id, housing_count, vacant_housing_count, energy_label)
                select building_id, 6 + (abs(hashtext(building_id)) %% 60), count(*),
                       (array['A','B','C','D','E','F','G'])[1 + abs(hashtext(building_id)) %% 7]
                  from housing where building_id like 'BAT%%' group by building_id
                on conflict (id) do nothing""".formatted()).update();
        jdbc.sql("""
                update owner o set multi_owner = true
                  from (select owner_id from ownership where rank >= 1 group by owner_id having count(*) > 1) m
                 where o.id = m.owner_id""").update();
        jdbc.sql("alter table ownership enable trigger user").update();
        jdbc.sql("alter table owner enable trigger user").update();
        jdbc.sql("select zlv_refresh_housing_owners(array(select id from housing where local_id like 'B%'))")
                .query(rs -> { });
        jdbc.sql("drop table bench_commune").update();
        // as a fresh import leaves it: rows in file (commune) order, no dead versions, statistics known
        jdbc.sql("vacuum (full, analyze) housing").update();
        jdbc.sql("analyze").update();
        return true;
    }

    private static String token(UserManagement users, ApiTokenManagement tokens, Role role, List<Long> establishments) {
        String email = "bench-" + UUID.randomUUID() + "@bench.zlv.test";
        return Roles.asSystem(() -> {
            users.upsertUser(email, "Banc", "Ciblage", role, establishments, "mot-de-passe-" + UUID.randomUUID());
            return tokens.createFor(email, null, "benchmark").secret();
        });
    }

    private static String encode(String combo) {
        List<String> pairs = new ArrayList<>();
        for (String pair : combo.split("&")) {
            String[] kv = pair.split("=", 2);
            pairs.add(kv[0] + "=" + java.net.URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private static Map<String, String[]> parse(String combo) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        if (!combo.isEmpty()) {
            for (String pair : combo.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], new String[] {URLDecoder.decode(kv[1], StandardCharsets.UTF_8)});
            }
        }
        return parameters;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private TargetingBenchmark() {
    }
}
