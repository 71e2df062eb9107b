package fr.zlv.targeting;

import fr.zlv.support.TestData;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * Hand-built dwellings, owners and ownerships inserted straight into the tables, so that the expected
 * answer of every filter is known. Each dataset lives in its own communes (nobody else's tests use
 * them) and comes with an establishment of exactly those communes, a USUAL user and its API token.
 */
final class TargetingTestData extends TestData {

    /** Local id → housing id. */
    final Map<String, Long> housings = new LinkedHashMap<>();

    TargetingTestData(ApplicationContext context) {
        super(context, "ciblage", "tgt");
    }

    /** A dwelling: {@code localId} and {@code commune_code} are required, other housing columns optional. */
    @Override
    public long housing(String localId, String communeCode, Map<String, Object> columns) {
        long id = super.housing(localId, communeCode, columns);
        housings.put(localId, id);
        return id;
    }

    void ownership(long housingId, long ownerId, int rank, String relativeLocation) {
        jdbc.sql("insert into ownership (housing_id, owner_id, rank, relative_location, property_right) values (?, ?, ?, ?, ?)")
                .params(housingId, ownerId, rank, relativeLocation, "proprietaire-entier").update();
    }

    void building(String id, Integer housingCount, Integer vacantCount, String energyLabel) {
        jdbc.sql("insert into building (id, housing_count, vacant_housing_count, energy_label) values (?, ?, ?, ?)")
                .params(id, housingCount, vacantCount, energyLabel).update();
    }

    long perimeter(long establishmentId, String name, List<Long> housingIds) {
        long id = jdbc.sql("insert into geo_perimeter (establishment_id, name) values (?, ?) returning id")
                .params(establishmentId, name).query(Long.class).single();
        for (Long housingId : housingIds) {
            jdbc.sql("insert into housing_geo_perimeter (housing_id, perimeter_id) values (?, ?)").params(housingId, id).update();
        }
        return id;
    }

    static String[] lines(String... lines) {
        return lines;
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}
