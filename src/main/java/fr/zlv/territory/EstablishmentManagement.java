package fr.zlv.territory;

import fr.zlv.shared.security.AnyRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Establishments and their perimeters of communes. */
@Service
@Transactional(readOnly = true)
public class EstablishmentManagement {

    private static final String SELECT = """
            select e.id, e.siren, e.name, e.kind, e.geo_code, e.active,
                   (select count(*) from establishment_commune ec where ec.establishment_id = e.id) as commune_count
            from establishment e
            """;

    private final JdbcClient jdbc;

    EstablishmentManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @AnyRole
    public Optional<Establishment> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(EstablishmentManagement::map).optional();
    }

    @AnyRole
    public Optional<Establishment> findBySiren(String siren) {
        return jdbc.sql(SELECT + " where e.siren = ?").param(siren).query(EstablishmentManagement::map).optional();
    }

    @AnyRole
    public List<Establishment> findAll(Set<Long> ids) {
        return jdbc.sql(SELECT + " where e.id = any(?) order by e.name")
                .param(ids.toArray(Long[]::new)).query(EstablishmentManagement::map).list();
    }

    /** INSEE codes of the communes the establishment covers (arrondissements are not listed: their commune is). */
    @AnyRole
    public Set<String> perimeter(long establishmentId) {
        return Set.copyOf(jdbc.sql("select commune_code from establishment_commune where establishment_id = ?")
                .param(establishmentId).query(String.class).list());
    }

    static Establishment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Establishment(rs.getLong("id"), rs.getString("siren"), rs.getString("name"),
                EstablishmentKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("geo_code"),
                rs.getBoolean("active"), rs.getInt("commune_count"));
    }
}
