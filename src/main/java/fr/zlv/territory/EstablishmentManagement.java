package fr.zlv.territory;

import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.AnyRole;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    private final EstablishmentReferences references;
    private final EstablishmentPerimeters perimeters;

    EstablishmentManagement(JdbcClient jdbc, EstablishmentReferences references, EstablishmentPerimeters perimeters) {
        this.jdbc = jdbc;
        this.references = references;
        this.perimeters = perimeters;
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

    /**
     * Creates the establishment of an EPCI (by SIREN; perimeter: its member communes), a commune (by
     * SIREN or INSEE code; perimeter: itself), a département (by INSEE code, or "DEP-69"; perimeter: its
     * communes) or a région (by "REG-84"; perimeter: its communes). Returns the existing one when it
     * was already created.
     *
     * @throws UnknownReferenceException when nothing of the reference geography has that code
     */
    @AdminOnly
    @Transactional
    public Establishment createFromReference(String sirenOrInseeCode) {
        var target = references.resolve(sirenOrInseeCode)
                .orElseThrow(() -> new UnknownReferenceException(sirenOrInseeCode == null ? "" : sirenOrInseeCode.strip()));
        Optional<Long> existing = existingId(target);
        if (existing.isPresent()) {
            return find(existing.get()).orElseThrow();
        }
        Optional<Long> created = jdbc.sql("""
                insert into establishment (siren, name, kind, geo_code) values (?, ?, ?, ?)
                on conflict do nothing returning id""")
                .params(target.siren(), target.name(), target.kind().code(), target.geoCode())
                .query(Long.class).optional();
        // a concurrent creation of the same establishment won the unique constraint
        long id = created.or(() -> existingId(target)).orElseThrow();
        perimeters.refresh(id);
        return find(id).orElseThrow();
    }

    private Optional<Long> existingId(EstablishmentReferences.Target target) {
        if (target.siren() != null) {
            Optional<Long> bySiren = jdbc.sql("select id from establishment where siren = ?").param(target.siren())
                    .query(Long.class).optional();
            if (bySiren.isPresent() || target.geoCode() == null) {
                return bySiren;
            }
        }
        List<String> kinds = switch (target.kind()) {
            case COM, COM_TOM -> List.of(EstablishmentKind.COM.code(), EstablishmentKind.COM_TOM.code());
            default -> List.of(target.kind().code());
        };
        return jdbc.sql("select id from establishment where geo_code = ? and kind = any(?) order by id limit 1")
                .params(target.geoCode(), kinds.toArray(String[]::new)).query(Long.class).optional();
    }

    /**
     * Creates a State service or partner establishment with a hand-made perimeter. Arrondissement
     * codes are taken as their commune.
     *
     * @param siren optional, 9 digits
     * @throws InvalidEstablishmentException naming the field, or every unknown commune code
     */
    @AdminOnly
    @Transactional
    public Establishment createCustom(String name, EstablishmentKind kind, String siren, Set<String> communeCodes) {
        if (name == null || name.isBlank()) {
            throw new InvalidEstablishmentException("Le nom de l'établissement est obligatoire.");
        }
        if (kind == null) {
            throw new InvalidEstablishmentException("Le type d'établissement est obligatoire.");
        }
        if (kind.derivedFromGeography()) {
            throw new InvalidEstablishmentException("Un établissement de type « " + kind.label()
                    + " » se crée depuis la géographie de référence, par son SIREN ou son code INSEE.");
        }
        String cleanSiren = siren == null || siren.isBlank() ? null : siren.replaceAll("\\s", "");
        if (cleanSiren != null && !cleanSiren.matches("\\d{9}")) {
            throw new InvalidEstablishmentException("Le SIREN doit comporter 9 chiffres (« " + siren.strip() + " »).");
        }
        if (cleanSiren != null) {
            findBySiren(cleanSiren).ifPresent(e -> {
                throw new InvalidEstablishmentException("Le SIREN " + cleanSiren + " est déjà celui de l'établissement « " + e.name() + " ».");
            });
        }
        if (communeCodes == null || communeCodes.isEmpty()) {
            throw new InvalidEstablishmentException("Le périmètre doit contenir au moins une commune.");
        }
        String[] codes = communeCodes.stream().map(c -> c == null ? "" : c.strip()).distinct().toArray(String[]::new);
        var resolved = jdbc.sql("""
                select t.code, coalesce(a.commune, c.code) as commune
                  from unnest(?::text[]) as t(code)
                  left join commune c on c.code = t.code
                  left join arrondissement a on a.code = t.code
                """).param(codes).query((rs, n) -> new String[] {rs.getString("code"), rs.getString("commune")}).list();
        var unknown = new TreeSet<String>();
        resolved.stream().filter(r -> r[1] == null).forEach(r -> unknown.add(r[0].isEmpty() ? "(vide)" : r[0]));
        if (!unknown.isEmpty()) {
            throw new InvalidEstablishmentException((unknown.size() == 1 ? "Code de commune inconnu : " : "Codes de commune inconnus : ")
                    + String.join(", ", unknown) + ".");
        }
        long id = jdbc.sql("insert into establishment (siren, name, kind) values (?, ?, ?) returning id")
                .params(cleanSiren, name.strip(), kind.code()).query(Long.class).single();
        jdbc.sql("insert into establishment_commune (establishment_id, commune_code) select ?, unnest(?::text[]) on conflict do nothing")
                .params(id, resolved.stream().map(r -> r[1]).distinct().toArray(String[]::new)).update();
        return find(id).orElseThrow();
    }

    /**
     * Establishments whose name contains {@code q} (ignoring accents and case), or whose SIREN or INSEE
     * code is {@code q}; all of them when {@code q} is blank. The caller filters by access.
     *
     * @param page starts at 1
     */
    @AnyRole
    public EstablishmentPage search(String q, int page, int perPage) {
        int size = Math.clamp(perPage, 1, 200);
        int number = Math.max(page, 1);
        String query = q == null ? "" : q.strip();
        String where = """
                 where ? = '' or e.siren = replace(?, ' ', '') or e.geo_code = upper(?)
                    or (zlv_search_key(?) <> '' and zlv_search_key(e.name) like '%' || zlv_search_key(?) || '%')
                """;
        Object[] params = {query, query, query, query, query};
        long total = jdbc.sql("select count(*) from establishment e " + where).params(params).query(Long.class).single();
        List<Establishment> items = jdbc.sql(SELECT + where + " order by zlv_search_key(e.name), e.name, e.id limit ? offset ?")
                .params(query, query, query, query, query, size, (long) (number - 1) * size)
                .query(EstablishmentManagement::map).list();
        return new EstablishmentPage(items, number, size, total);
    }

    /** Suspends or reactivates an establishment. */
    @AdminOnly
    @Transactional
    public Establishment setActive(long id, boolean active) {
        int updated = jdbc.sql("update establishment set active = ? where id = ?").params(active, id).update();
        if (updated == 0) {
            throw new NoSuchElementException("Établissement introuvable : " + id);
        }
        return find(id).orElseThrow();
    }

    /** What an establishment can be created from, for the admin page's search box (EPCI, communes, départements, régions). */
    @AnyRole
    public List<ReferenceCandidate> searchReference(String q) {
        return references.candidates(q, 20);
    }
}
