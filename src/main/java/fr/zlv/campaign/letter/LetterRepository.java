package fr.zlv.campaign.letter;

import fr.zlv.shared.TerritoryScope;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the letters: the letter rows (campaign's and defaults), the recipients and the excluded dwellings. */
@Repository
class LetterRepository {

    /** A campaign of the caller's establishment. */
    record CampaignRef(long id, long establishmentId, String title) {
    }

    private static final String COLUMNS = """
            sender_name, sender_service, sender_address, sender_email, sender_phone, logo1_key, logo2_key,
            signatory1_name, signatory1_role, signatory1_image_key, signatory2_name, signatory2_role, signatory2_image_key,
            written_at, written_on, subject, body_html""";

    /** Dwelling address as printed: DGFiP lines then the commune's name. */
    private static final String HOUSING_ADDRESS =
            "concat_ws(', ', nullif(array_to_string(h.address_dgfip, ' '), ''), cm.name)";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    LetterRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        // inside a transaction, a fetch size makes PostgreSQL stream the rows through a cursor
        this.streaming.setFetchSize(1_000);
    }

    /** The campaign when it belongs to the acting establishment (any for the system). */
    Optional<CampaignRef> campaign(long campaignId, TerritoryScope scope) {
        return jdbc.sql("select id, establishment_id, title from campaign where id = ? and (? or establishment_id = ?)")
                .params(campaignId, scope.systemScope(), scope.establishmentId())
                .query((rs, n) -> new CampaignRef(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    Optional<LetterSettings> forCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from letter_settings where campaign_id = ?").param(campaignId)
                .query((rs, n) -> settings(rs)).optional();
    }

    Optional<LetterSettings> defaults(long establishmentId) {
        return jdbc.sql("select " + COLUMNS + " from letter_settings where establishment_id = ? and campaign_id is null")
                .param(establishmentId).query((rs, n) -> settings(rs)).optional();
    }

    void saveForCampaign(long campaignId, long establishmentId, LetterSettings s, Long userId) {
        jdbc.sql("insert into letter_settings (campaign_id, establishment_id, updated_by, " + COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (campaign_id) do update set " + updates())
                .params(params(campaignId, establishmentId, userId, s)).update();
    }

    void saveDefaults(long establishmentId, LetterSettings s, Long userId) {
        jdbc.sql("insert into letter_settings (campaign_id, establishment_id, updated_by, " + COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (establishment_id) where campaign_id is null do update set " + updates())
                .params(params(null, establishmentId, userId, s)).update();
    }

    private static String updates() {
        StringBuilder out = new StringBuilder("updated_by = excluded.updated_by, updated_at = now()");
        for (String column : COLUMNS.split(",")) {
            String c = column.trim();
            out.append(", ").append(c).append(" = excluded.").append(c);
        }
        return out.toString();
    }

    private static List<Object> params(Long campaignId, long establishmentId, Long userId, LetterSettings s) {
        List<Object> values = new ArrayList<>(Arrays.asList(campaignId, establishmentId, userId,
                s.senderName(), s.senderService(), s.senderAddress(), s.senderEmail(), s.senderPhone(), s.logo1Key(), s.logo2Key(),
                s.signatory1Name(), s.signatory1Role(), s.signatory1ImageKey(), s.signatory2Name(), s.signatory2Role(),
                s.signatory2ImageKey(), s.writtenAt(), s.writtenOn() == null ? null : Date.valueOf(s.writtenOn()), s.subject(),
                s.bodyHtml()));
        return values;
    }

    private static LetterSettings settings(ResultSet rs) throws SQLException {
        Date on = rs.getDate("written_on");
        return new LetterSettings(rs.getString("sender_name"), rs.getString("sender_service"), rs.getString("sender_address"),
                rs.getString("sender_email"), rs.getString("sender_phone"), rs.getString("logo1_key"), rs.getString("logo2_key"),
                rs.getString("signatory1_name"), rs.getString("signatory1_role"), rs.getString("signatory1_image_key"),
                rs.getString("signatory2_name"), rs.getString("signatory2_role"), rs.getString("signatory2_image_key"),
                rs.getString("written_at"), on == null ? null : on.toLocalDate(), rs.getString("subject"),
                rs.getString("body_html"));
    }

    private static final String RECIPIENTS_FROM = """
              from campaign_housing ch
              join housing h on h.id = ch.housing_id
              join ownership w on w.housing_id = h.id and w.rank = 1
              join owner o on o.id = w.owner_id and not o.do_not_contact
              join owner_access_code c on c.campaign_id = ch.campaign_id and c.housing_id = h.id and c.owner_id = o.id
              left join commune cm on cm.code = h.commune_code
             where ch.campaign_id = ? and (? or h.commune_code = any(?))""";

    /** Letters to print: dwellings of the campaign in the caller's scope with a primary owner that may be contacted. */
    int countRecipients(long campaignId, TerritoryScope scope) {
        return jdbc.sql("""
                select count(distinct h.id)
                  from campaign_housing ch
                  join housing h on h.id = ch.housing_id
                  join ownership w on w.housing_id = h.id and w.rank = 1
                  join owner o on o.id = w.owner_id and not o.do_not_contact
                 where ch.campaign_id = ? and (? or h.commune_code = any(?))""")
                .params(campaignId, scope.national(), scope.communeArray()).query(Integer.class).single();
    }

    /** Streams the recipients in dwelling order (call inside a transaction so that the rows come through a cursor). */
    void forEachRecipient(long campaignId, TerritoryScope scope, Integer limit, Consumer<LetterRecipient> consumer) {
        streaming.query("""
                select distinct on (h.id) h.id as housing_id, o.id as owner_id, o.full_name, o.address_dgfip,
                       o.additional_address, c.code, %s as housing_address, h.local_id, h.invariant, h.cadastral_reference,
                       h.plot_id, h.kind, h.living_area, h.rooms, h.building_year, h.vacancy_start_year, h.energy_label
                %s
                 order by h.id, o.id
                 limit ?""".formatted(HOUSING_ADDRESS, RECIPIENTS_FROM),
                rs -> {
                    consumer.accept(recipient(rs));
                }, campaignId, scope.national(), scope.communeArray(), limit == null ? Integer.MAX_VALUE : limit);
    }

    private static LetterRecipient recipient(ResultSet rs) throws SQLException {
        Map<LetterVariable, String> values = new EnumMap<>(LetterVariable.class);
        values.put(LetterVariable.HOUSING_ADDRESS, rs.getString("housing_address"));
        values.put(LetterVariable.LOCAL_ID, rs.getString("local_id"));
        values.put(LetterVariable.INVARIANT, rs.getString("invariant"));
        values.put(LetterVariable.CADASTRAL_REFERENCE, rs.getString("cadastral_reference"));
        values.put(LetterVariable.PLOT_ID, rs.getString("plot_id"));
        values.put(LetterVariable.KIND, kind(rs.getString("kind")));
        BigDecimal area = rs.getBigDecimal("living_area");
        values.put(LetterVariable.LIVING_AREA, area == null ? null
                : area.stripTrailingZeros().toPlainString().replace('.', ',') + " m²");
        values.put(LetterVariable.ROOMS, text(rs.getObject("rooms")));
        values.put(LetterVariable.BUILDING_YEAR, text(rs.getObject("building_year")));
        values.put(LetterVariable.VACANCY_START_YEAR, text(rs.getObject("vacancy_start_year")));
        values.put(LetterVariable.ENERGY_LABEL, rs.getString("energy_label"));
        values.values().removeIf(java.util.Objects::isNull);
        List<String> address = new ArrayList<>();
        String additional = rs.getString("additional_address");
        if (additional != null && !additional.isBlank()) {
            address.add(additional);
        }
        Array lines = rs.getArray("address_dgfip");
        if (lines != null) {
            for (String line : (String[]) lines.getArray()) {
                if (line != null && !line.isBlank()) {
                    address.add(line);
                }
            }
        }
        return new LetterRecipient(rs.getLong("housing_id"), rs.getLong("owner_id"), rs.getString("full_name"), address,
                values, fr.zlv.campaign.OwnerAccessCodes.display(rs.getString("code")));
    }

    static String kind(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "APPART" -> "Appartement";
            case "MAISON" -> "Maison";
            default -> code;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A dwelling of the campaign that gets no letter, and why. */
    public record ExcludedHousing(long housingId, String localId, String address, String ownerName, String reason) {
    }

    static final String DO_NOT_CONTACT = "Propriétaire à ne pas contacter";
    static final String NO_PRIMARY_OWNER = "Aucun propriétaire principal";

    List<ExcludedHousing> excluded(long campaignId, TerritoryScope scope) {
        return jdbc.sql("""
                select distinct on (h.id) h.id, h.local_id, %s as address, o.full_name, o.id is null as no_owner
                  from campaign_housing ch
                  join housing h on h.id = ch.housing_id
                  left join ownership w on w.housing_id = h.id and w.rank = 1
                  left join owner o on o.id = w.owner_id
                  left join commune cm on cm.code = h.commune_code
                 where ch.campaign_id = ? and (? or h.commune_code = any(?))
                   and (o.id is null or o.do_not_contact)
                   and not exists (select 1 from ownership w2 join owner o2 on o2.id = w2.owner_id
                                    where w2.housing_id = h.id and w2.rank = 1 and not o2.do_not_contact)
                 order by h.id, o.id""".formatted(HOUSING_ADDRESS))
                .params(campaignId, scope.national(), scope.communeArray())
                .query((rs, n) -> new ExcludedHousing(rs.getLong("id"), rs.getString("local_id"), rs.getString("address"),
                        rs.getString("full_name"), rs.getBoolean("no_owner") ? NO_PRIMARY_OWNER : DO_NOT_CONTACT))
                .list();
    }

    /** Any recipient for the live preview: the first dwelling of the campaign with a primary owner. */
    Optional<LetterRecipient> firstRecipientWithoutCode(long campaignId, TerritoryScope scope) {
        List<LetterRecipient> found = new ArrayList<>();
        streaming.query("""
                select distinct on (h.id) h.id as housing_id, o.id as owner_id, o.full_name, o.address_dgfip,
                       o.additional_address, 'XXXXXXXXXXXX' as code, %s as housing_address, h.local_id, h.invariant,
                       h.cadastral_reference, h.plot_id, h.kind, h.living_area, h.rooms, h.building_year,
                       h.vacancy_start_year, h.energy_label
                  from campaign_housing ch
                  join housing h on h.id = ch.housing_id
                  join ownership w on w.housing_id = h.id and w.rank = 1
                  join owner o on o.id = w.owner_id and not o.do_not_contact
                  left join commune cm on cm.code = h.commune_code
                 where ch.campaign_id = ? and (? or h.commune_code = any(?))
                 order by h.id, o.id
                 limit 1""".formatted(HOUSING_ADDRESS),
                rs -> {
                    found.add(recipient(rs));
                }, campaignId, scope.national(), scope.communeArray());
        return found.stream().findFirst();
    }
}
