package fr.zlv.territory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Perimeters of establishments derived from the geography (a commune itself, an EPCI its members, a
 * département or région its communes), recomputed from the commune table so that a reload of the
 * reference data (an EPCI gaining a commune, a merger) carries over. Custom perimeters are kept.
 */
@Component
class EstablishmentPerimeters {

    static final String DERIVED_KINDS = "('COM','COM-TOM','CC','CA','CU','METRO','MET69','DEP','REG')";

    private static final String DESIRED = """
            with desired as (
                select e.id as establishment_id, c.code as commune_code
                  from establishment e join commune c on c.code = e.geo_code
                 where e.kind in ('COM', 'COM-TOM') and %1$s
                union all
                select e.id, c.code from establishment e join commune c on c.epci_siren = e.siren
                 where e.kind in ('CC', 'CA', 'CU', 'METRO', 'MET69') and %1$s
                union all
                select e.id, c.code from establishment e join commune c on c.departement = e.geo_code
                 where e.kind = 'DEP' and %1$s
                union all
                select e.id, c.code from establishment e join commune c on c.region = e.geo_code
                 where e.kind = 'REG' and %1$s
            )
            """;

    private final JdbcClient jdbc;

    EstablishmentPerimeters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes every derived perimeter; returns the number of (establishment, commune) links changed. */
    int refreshAll() {
        return refresh("true", null);
    }

    /** Recomputes the perimeter of one establishment when its kind is derived from the geography. */
    int refresh(long establishmentId) {
        return refresh("e.id = :id", establishmentId);
    }

    private int refresh(String condition, Long id) {
        String desired = DESIRED.formatted(condition);
        var delete = jdbc.sql(desired + """
                delete from establishment_commune ec
                 using establishment e
                 where e.id = ec.establishment_id and e.kind in %s and %s
                   and not exists (select 1 from desired d
                                    where d.establishment_id = ec.establishment_id and d.commune_code = ec.commune_code)
                """.formatted(DERIVED_KINDS, condition));
        var insert = jdbc.sql(desired + """
                insert into establishment_commune (establishment_id, commune_code)
                select establishment_id, commune_code from desired
                on conflict do nothing
                """);
        if (id != null) {
            delete = delete.param("id", id);
            insert = insert.param("id", id);
        }
        return delete.update() + insert.update();
    }
}
