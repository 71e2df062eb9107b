package fr.zlv.groups;

import fr.zlv.targeting.FilterField;
import fr.zlv.targeting.FilterOption;
import fr.zlv.targeting.FollowUpCatalogue;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of the group and campaign exports (DOMAIN.md §6), French headers, and the SQL that feeds
 * them; "Campagnes" lists the titles of the exporting establishment's campaigns that hold the dwelling
 * (oldest first). Both statements stream in dwelling / owner order.
 */
final class ExportColumns {

    interface Value {
        Object read(ResultSet rs) throws SQLException;
    }

    record Column(String header, Value value) {
    }

    /** The BAN columns the export reads when the housing table has them (see {@link #housingsSql}). */
    static final List<String> BAN_COLUMNS = List.of("ban_address", "ban_score");

    /**
     * Parameters: the group or campaign id, national, communes. One row per dwelling, in id order, with its
     * primary owner, its owner count and the ids of every campaign that holds it (the titles of the
     * establishment's ones are looked up in Java, {@link CampaignTitles}: the per-dwelling join, sort and
     * aggregation of titles was the costliest part of the statement once the BAN columns were fixed).
     * BAN columns do not exist in the housing schema yet (no BAN import): {@code banColumns} names those
     * the table has, so that the export fills them as soon as an import adds {@code ban_address}/{@code ban_score}
     * (as JSON text, as {@code to_jsonb(h) ->> 'ban_address'} did; converting the whole row to JSON twice per
     * dwelling was 4.5 of the 6 s of the statement for 100,000 dwellings).
     */
    static String housingsSql(ExportSource source, Collection<String> banColumns) {
        return """
            select h.id, h.local_id, h.invariant, h.plot_id, h.cadastral_reference, h.geo_code, c.name as commune_name,
                   array_to_string(h.address_dgfip, ' ') as lovac_address,
                   %s as ban_address, %s as ban_score,
                   h.longitude, h.latitude, h.kind,
                   coalesce(h.energy_label, b.energy_label) as energy_label,
                   coalesce(h.energy_label_date, b.energy_label_date) as energy_label_date,
                   h.living_area, h.rooms, h.building_year, h.occupancy, h.vacancy_start_year, h.status, h.sub_status,
                   h.precisions, h.priority_score, h.data_file_years,
                   po.full_name as owner_name, po.administrator as owner_administrator, po.birth_date as owner_birth_date,
                   po.kind_code as owner_kind, array_to_string(po.address_dgfip, ' ') as owner_address,
                   po.additional_address as owner_additional_address, po.email as owner_email, po.phone as owner_phone,
                   po.do_not_contact as owner_do_not_contact, po.property_right as owner_property_right,
                   (select count(*) from ownership w2 where w2.housing_id = h.id and w2.rank >= 1) as owner_count,
                   array(select chx.campaign_id from campaign_housing chx where chx.housing_id = h.id) as campaign_ids
              from %s gh
              join housing h on h.id = gh.housing_id
              left join commune c on c.code = h.commune_code
              left join building b on b.id = h.building_id
              left join lateral (select o.*, w.property_right from ownership w join owner o on o.id = w.owner_id
                                  where w.housing_id = h.id and w.rank = 1 order by o.id limit 1) po on true
             where gh.%s = ? and (? or h.commune_code = any(?))
             order by h.id""".formatted(banColumn(banColumns, "ban_address"), banColumn(banColumns, "ban_score"),
                source.table(), source.key());
    }

    private static String banColumn(Collection<String> present, String name) {
        return present.contains(name) ? "to_jsonb(h." + name + ") #>> '{}'" : "null::text";
    }

    /** The columns of the "Logements" sheet (and of the CSV); "Campagnes" names the exporting establishment's. */
    static List<Column> housings(CampaignTitles campaigns) {
        return List.of(
            new Column("Identifiant ZLV", rs -> rs.getLong("id")),
            new Column("Identifiant fiscal national", rs -> rs.getString("local_id")),
            new Column("Invariant fiscal", rs -> rs.getString("invariant")),
            new Column("Identifiant de la parcelle", rs -> rs.getString("plot_id")),
            new Column("Référence cadastrale", rs -> rs.getString("cadastral_reference")),
            new Column("Code INSEE de la commune", rs -> rs.getString("geo_code")),
            new Column("Commune", rs -> rs.getString("commune_name")),
            new Column("Adresse LOVAC", rs -> blankToNull(rs.getString("lovac_address"))),
            new Column("Adresse BAN", rs -> rs.getString("ban_address")),
            new Column("Fiabilité de l'adresse BAN", rs -> decimal(rs.getString("ban_score"))),
            new Column("Longitude", rs -> rs.getObject("longitude")),
            new Column("Latitude", rs -> rs.getObject("latitude")),
            new Column("Type de logement", rs -> label(FilterField.HOUSING_KINDS, rs.getString("kind"))),
            new Column("Étiquette DPE", rs -> rs.getString("energy_label")),
            new Column("Date du DPE", rs -> rs.getObject("energy_label_date", LocalDate.class)),
            new Column("Surface (m²)", rs -> rs.getBigDecimal("living_area")),
            new Column("Nombre de pièces", rs -> rs.getObject("rooms")),
            new Column("Année de construction", rs -> rs.getObject("building_year")),
            new Column("Occupation", rs -> label(FilterField.OCCUPANCIES, rs.getString("occupancy"))),
            new Column("Année de début de vacance", rs -> rs.getObject("vacancy_start_year")),
            new Column("Statut de suivi", rs -> FollowUpCatalogue.statusLabel(rs.getInt("status"))),
            new Column("Sous-statut de suivi", rs -> rs.getString("sub_status")),
            new Column("Précisions", rs -> precisions(rs.getArray("precisions"))),
            new Column("Campagnes", rs -> campaigns.titles(rs.getArray("campaign_ids"))),
            new Column("Score de priorité", rs -> rs.getObject("priority_score") == null ? null : rs.getInt("priority_score")),
            new Column("Fichiers sources", rs -> joined(rs.getArray("data_file_years"))),
            new Column("Propriétaire principal", rs -> rs.getString("owner_name")),
            new Column("Administrateur du propriétaire", rs -> rs.getString("owner_administrator")),
            new Column("Date de naissance du propriétaire", rs -> rs.getObject("owner_birth_date", LocalDate.class)),
            new Column("Type de propriétaire", rs -> label(FilterField.OWNER_KINDS, rs.getString("owner_kind"))),
            new Column("Droit de propriété", rs -> rs.getString("owner_property_right")),
            new Column("Adresse du propriétaire", rs -> blankToNull(rs.getString("owner_address"))),
            new Column("Adresse complémentaire du propriétaire", rs -> rs.getString("owner_additional_address")),
            new Column("Courriel du propriétaire", rs -> rs.getString("owner_email")),
            new Column("Téléphone du propriétaire", rs -> rs.getString("owner_phone")),
            new Column("Ne pas contacter", rs -> yesNo(rs.getObject("owner_do_not_contact"))),
            new Column("Nombre de propriétaires", rs -> rs.getInt("owner_count")));
    }

    /** Parameters: the group or campaign id, national, communes. */
    static String ownersSql(ExportSource source) {
        return """
            select o.id, o.full_name, o.administrator, o.birth_date, o.kind_code, o.entity, o.siren,
                   array_to_string(o.address_dgfip, ' ') as address, o.additional_address, o.email, o.phone,
                   o.do_not_contact, o.multi_owner, count(*) as housing_count,
                   string_agg(h.local_id, ', ' order by h.local_id) as local_ids
              from %s gh
              join housing h on h.id = gh.housing_id
              join ownership w on w.housing_id = h.id and w.rank >= 1
              join owner o on o.id = w.owner_id
             where gh.%s = ? and (? or h.commune_code = any(?))
             group by o.id
             order by o.full_name, o.id""".formatted(source.table(), source.key());
    }

    static List<Column> owners(ExportSource source) {
        return List.of(
            new Column("Identifiant ZLV du propriétaire", rs -> rs.getLong("id")),
            new Column("Nom", rs -> rs.getString("full_name")),
            new Column("Administrateur", rs -> rs.getString("administrator")),
            new Column("Date de naissance", rs -> rs.getObject("birth_date", LocalDate.class)),
            new Column("Type de propriétaire", rs -> label(FilterField.OWNER_KINDS, rs.getString("kind_code"))),
            new Column("Catégorie", rs -> rs.getString("entity")),
            new Column("SIREN", rs -> rs.getString("siren")),
            new Column("Adresse", rs -> blankToNull(rs.getString("address"))),
            new Column("Adresse complémentaire", rs -> rs.getString("additional_address")),
            new Column("Courriel", rs -> rs.getString("email")),
            new Column("Téléphone", rs -> rs.getString("phone")),
            new Column("Ne pas contacter", rs -> yesNo(rs.getObject("do_not_contact"))),
            new Column("Multi-propriétaire", rs -> yesNo(rs.getObject("multi_owner"))),
            new Column(source.ownerCountHeader(), rs -> rs.getInt("housing_count")),
            new Column("Logements (identifiants fiscaux)", rs -> rs.getString("local_ids")));
    }

    /** Label by code (the first option of a code, as the former linear search found it). */
    private static final Map<String, String> PRECISION_LABELS = FollowUpCatalogue.PRECISIONS.stream()
            .collect(Collectors.toMap(FilterOption::code, FilterOption::label, (first, later) -> first));

    private ExportColumns() {
    }

    private static String label(FilterField field, String code) {
        return code == null ? null : field.labelOf(code);
    }

    private static String precisions(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        String text = Arrays.stream((String[]) array.getArray()).map(code -> PRECISION_LABELS.getOrDefault(code, code))
                .collect(Collectors.joining(" ; "));
        return text.isEmpty() ? null : text;
    }

    private static String joined(Array array) throws SQLException {
        return array == null ? null : blankToNull(String.join(", ", (String[]) array.getArray()));
    }

    private static String yesNo(Object value) {
        return value == null ? null : ((Boolean) value ? "Oui" : "Non");
    }

    private static java.math.BigDecimal decimal(String value) {
        try {
            return value == null ? null : new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
