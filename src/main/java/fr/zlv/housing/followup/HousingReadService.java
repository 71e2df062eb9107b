package fr.zlv.housing.followup;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the housing page and the API read about one dwelling, always within the caller's scope. */
@Service
public class HousingReadService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FollowUpRepository housings;
    private final PersonalDataAudit audit;
    private final Actor actor;

    HousingReadService(JdbcClient jdbc, FollowUpRepository housings, PersonalDataAudit audit, Actor actor) {
        this.jdbc = jdbc;
        this.housings = housings;
        this.audit = audit;
        this.actor = actor;
    }

    /** The dwelling, or empty outside the scope (as if it did not exist). */
    @AnyRole
    @Transactional(readOnly = true)
    public Optional<HousingView> find(TerritoryScope scope, long housingId) {
        return jdbc.sql("""
                select h.*, c.name as commune_name, b.id as b_id, b.housing_count as b_housing_count,
                       b.vacant_housing_count as b_vacant, b.energy_label as b_energy_label
                  from housing h
                  left join commune c on c.code = h.commune_code
                  left join building b on b.id = h.building_id
                 where h.id = ? and """ + FollowUpRepository.IN_SCOPE)
                .params(housingId, scope.national(), scope.communeArray())
                .query(HousingReadService::housing).optional();
    }

    /**
     * The owners of a dwelling, active ranks first, with their personal data; the reading is written
     * to the personal-data audit log (who, when, which dwelling) in the same transaction.
     */
    @AnyRole
    @Transactional
    public List<OwnerView> owners(TerritoryScope scope, long housingId) {
        housings.requireInScope(scope, housingId);
        audit.record(actor.userId(), scope, PersonalDataAudit.VIEW_OWNERS, "housing", housingId);
        return jdbc.sql("""
                select o.*, w.rank, w.property_right, w.relative_location
                  from ownership w join owner o on o.id = w.owner_id
                 where w.housing_id = ?
                 order by case when w.rank >= 1 then 0 else 1 end, abs(w.rank), o.full_name, o.id""")
                .param(housingId).query(HousingReadService::owner).list();
    }

    /** The history of the dwelling and of its owners, newest first. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<EventView> events(TerritoryScope scope, long housingId) {
        housings.requireInScope(scope, housingId);
        return jdbc.sql("select e.id, e.kind, e.created_at, e.message, e.owner_id, e.old_value::text as old_value, "
                        + "e.new_value::text as new_value, " + UserNames.of("e.created_by") + """
                         as author
                  from event e
                 where e.housing_id = ?
                    or (e.housing_id is null and e.owner_id in (select w.owner_id from ownership w where w.housing_id = ?))
                 order by e.created_at desc, e.id desc""")
                .params(housingId, housingId)
                .query((rs, i) -> new EventView(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("author"), rs.getString("message"),
                        (Long) rs.getObject("owner_id"), tree(rs.getString("old_value")), tree(rs.getString("new_value"))))
                .list();
    }

    private static JsonNode tree(String json) {
        return json == null ? null : JSON.readTree(json);
    }

    private static HousingView housing(ResultSet rs, int row) throws SQLException {
        String buildingId = rs.getString("b_id");
        HousingView.Building building = buildingId == null ? null : new HousingView.Building(buildingId,
                (Integer) rs.getObject("b_housing_count"), (Integer) rs.getObject("b_vacant"), rs.getString("b_energy_label"));
        String energyLabel = rs.getString("energy_label") != null ? rs.getString("energy_label")
                : building == null ? null : building.energyLabel();
        return new HousingView(rs.getLong("id"), rs.getString("local_id"), rs.getString("invariant"), rs.getString("geo_code"),
                rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("plot_id"),
                rs.getString("cadastral_reference"), rs.getString("building_location"),
                FollowUpRepository.strings(rs.getArray("address_dgfip")), (Double) rs.getObject("longitude"),
                (Double) rs.getObject("latitude"), rs.getString("geolocation_source"), rs.getString("kind"),
                (Integer) rs.getObject("rooms"), rs.getBigDecimal("living_area"), (Integer) rs.getObject("building_year"),
                (Integer) rs.getObject("plot_area"), integer(rs.getObject("cadastral_classification")),
                (Boolean) rs.getObject("uncomfortable"), rs.getString("condominium"), (Boolean) rs.getObject("taxed"),
                (Integer) rs.getObject("rental_value"), (Integer) rs.getObject("vacancy_start_year"), rs.getString("occupancy"),
                rs.getString("occupancy_intended"), rs.getInt("status"), rs.getString("sub_status"),
                FollowUpRepository.strings(rs.getArray("precisions")), energyLabel,
                rs.getObject("energy_label_date", LocalDate.class), rs.getString("mutation_type"),
                rs.getObject("mutation_date", LocalDate.class), rs.getBigDecimal("mutation_value"),
                (Integer) rs.getObject("beneficiary_count"), FollowUpRepository.strings(rs.getArray("data_file_years")),
                rs.getBoolean("user_modified"), rs.getInt("version"), building);
    }

    private static OwnerView owner(ResultSet rs, int row) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        Integer age = birth == null ? null : Period.between(birth, LocalDate.now()).getYears();
        int rank = rs.getInt("rank");
        String kind = rs.getString("kind_code");
        String right = rs.getString("property_right");
        String location = rs.getString("relative_location");
        return new OwnerView(rs.getLong("id"), rank, FollowUpCatalogue.rankLabel(rank), rs.getString("full_name"),
                rs.getString("administrator"), birth, age, FollowUpRepository.strings(rs.getArray("address_dgfip")),
                rs.getString("additional_address"), rs.getString("email"), rs.getString("phone"), rs.getString("siren"),
                kind, FollowUpCatalogue.ownerKindLabel(kind), right, FollowUpCatalogue.propertyRightLabel(right), location,
                FollowUpCatalogue.relativeLocationLabel(location), rs.getBoolean("do_not_contact"), rs.getBoolean("multi_owner"));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
