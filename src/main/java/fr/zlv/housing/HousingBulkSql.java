package fr.zlv.housing;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL of a bulk load. Every statement touches only what changes, so that re-running
 * the same file writes nothing (and is fast).
 */
@Repository
class HousingBulkSql {

    static final String STAGING_COLUMNS = """
            line_no, local_id, invariant, geo_code, commune_code, departement, plot_id, cadastral_reference,
            building_id, building_location, address_dgfip, longitude, latitude, geolocation_source, kind, rooms,
            living_area, building_year, plot_area, cadastral_classification, uncomfortable, condominium, taxed,
            rental_value, vacancy_start_year, mutation_type, mutation_date, mutation_value, beneficiary_count, owners""";

    static final String COPY_STAGING = "copy lovac_stage (" + STAGING_COLUMNS + ") from stdin";

    /** The dwelling columns a newer millésime refreshes (same names in staging and housing). */
    private static final String DATA_COLUMNS = """
            invariant, geo_code, commune_code, departement, plot_id, cadastral_reference, building_id,
            building_location, address_dgfip, longitude, latitude, geolocation_source, kind, rooms, living_area,
            building_year, plot_area, cadastral_classification, uncomfortable, condominium, taxed, rental_value,
            vacancy_start_year, mutation_type, mutation_date, mutation_value, beneficiary_count""";

    private static final String OWNER_COLUMNS =
            "idpersonne, full_name, administrator, birth_date, address_dgfip, siren, kind_code, entity, legal_group";

    private static final String LINK_COLUMNS =
            "rank, property_right, owner_account_id, property_right_id, locprop_source";

    private final JdbcClient jdbc;

    HousingBulkSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createStaging() {
        jdbc.sql("""
                create temp table lovac_stage (
                    line_no bigint, local_id text, invariant text, geo_code text, commune_code text, departement text,
                    plot_id text, cadastral_reference text, building_id text, building_location text, address_dgfip text[],
                    longitude double precision, latitude double precision, geolocation_source text, kind text,
                    rooms integer, living_area numeric, building_year integer, plot_area integer,
                    cadastral_classification smallint, uncomfortable boolean, condominium text, taxed boolean,
                    rental_value integer, vacancy_start_year integer, mutation_type text, mutation_date date,
                    mutation_value numeric, beneficiary_count integer, owners jsonb
                ) on commit drop""").update();
    }

    BulkLoadResult merge(int millesime, String source, List<String> coveredCommunes,
                         long staged, Consumer<String> phases) {
        phases.accept("dédoublonnage");
        // an older millésime than one already imported for the commune refreshes and resets nothing: it only adds its source
        // earliest vacancy start wins among duplicates, ties: first line of the file
        long distinct = jdbc.sql("""
                create temp table lovac_dedup on commit drop as
                select s.*, h.id as housing_id,
                       (h.id is null or (coalesce(h.last_lovac_year, 0) <= :m and coalesce(c.last_millesime, 0) <= :m)) as newest
                  from (select distinct on (local_id) * from lovac_stage
                         order by local_id, vacancy_start_year nulls last, line_no) s
                  left join housing h on h.local_id = s.local_id
                  left join lovac_coverage c on c.commune_code = s.commune_code""").param("m", millesime).update();
        jdbc.sql("create index on lovac_dedup (local_id)").update();
        jdbc.sql("analyze lovac_dedup").update();

        phases.accept("logements");
        long created = jdbc.sql("insert into housing (local_id, " + DATA_COLUMNS + ", data_file_years, last_lovac_year) "
                        + "select local_id, " + DATA_COLUMNS + ", array[:src], :m from lovac_dedup where housing_id is null")
                .param("src", source).param("m", millesime).update();

        // a dwelling back in the file is vacant again, unless a user has worked on it: say so in its history
        jdbc.sql("""
                insert into event (housing_id, kind, old_value, new_value, message)
                select h.id, 'housing-reset-by-import',
                       jsonb_build_object('occupancy', h.occupancy, 'status', h.status, 'subStatus', h.sub_status),
                       jsonb_build_object('occupancy', 'V', 'status', 0, 'subStatus', null),
                       'Présent dans le fichier ' || :label || ' : remis en « Vacant » et « Non suivi ».'
                  from housing h join lovac_dedup d on d.housing_id = h.id
                 where d.newest and not h.user_modified
                   and (h.occupancy, h.status, h.sub_status) is distinct from ('V'::text, 0::smallint, null::text)""")
                .param("label", label(millesime)).update();
        String dataChanged = "(" + prefixed("h", DATA_COLUMNS) + ") is distinct from (" + prefixed("d", DATA_COLUMNS) + ")";
        long updated = jdbc.sql("update housing h set (" + DATA_COLUMNS + ") = (" + prefixed("d", DATA_COLUMNS) + "), "
                        + """
                        occupancy = case when h.user_modified then h.occupancy else 'V' end,
                        status = case when h.user_modified then h.status else 0 end,
                        sub_status = case when h.user_modified then h.sub_status else null end,
                        data_file_years = case when :src = any(h.data_file_years) then h.data_file_years
                                               else h.data_file_years || :src end,
                        last_lovac_year = :m, version = h.version + 1, updated_at = now()
                        from lovac_dedup d
                        where d.housing_id = h.id and d.newest and (
                        """ + dataChanged + """
                           or not (:src = any(h.data_file_years)) or h.last_lovac_year is distinct from :m
                           or (not h.user_modified
                               and (h.occupancy, h.status, h.sub_status) is distinct from ('V'::text, 0::smallint, null::text)))
                        """).param("src", source).param("m", millesime).update();
        // an older millésime only adds itself to the source list
        updated += jdbc.sql("""
                update housing h set data_file_years = h.data_file_years || :src, version = h.version + 1, updated_at = now()
                  from lovac_dedup d
                 where d.housing_id = h.id and not d.newest and not (:src = any(h.data_file_years))""")
                .param("src", source).update();

        phases.accept("propriétaires");
        mergeOwners(source);

        long exits = 0;
        jdbc.sql("create temp table lovac_gone (id bigint primary key) on commit drop").update();
        phases.accept("sorties de la vacance");
        exits = exits(millesime, coveredCommunes);
        jdbc.sql("""
                insert into lovac_coverage (commune_code, last_millesime)
                select unnest(string_to_array(:communes, ',')), :m
                on conflict (commune_code) do update set last_millesime = excluded.last_millesime
                 where lovac_coverage.last_millesime < excluded.last_millesime""")
                .param("communes", String.join(",", coveredCommunes)).param("m", millesime).update();
        phases.accept("immeubles et indicateurs");
        refreshBuildings();
        refreshOwnerFlags();
        var links = jdbc.sql("""
                select count(distinct w.owner_id), count(*)
                  from lovac_dedup d join housing h on h.local_id = d.local_id
                  join ownership w on w.housing_id = h.id and w.rank >= 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long unchanged = distinct - created - updated;
        return new BulkLoadResult(staged, staged - distinct, created, updated, unchanged, exits, links[0], links[1]);
    }

    private void mergeOwners(String source) {
        // owners of an older millésime are history: only the newest file says who owns a dwelling
        jdbc.sql("""
                create temp table lovac_owner on commit drop as
                select d.local_id, o.*
                  from lovac_dedup d
                  cross join lateral jsonb_to_recordset(d.owners) as o(
                      rank integer, key text, idpersonne text, full_name text, administrator text, birth_date date,
                      address text[], siren text, kind_code text, entity text, legal_group text, property_right text,
                      owner_account_id text, property_right_id text, locprop text)
                 where d.newest""").update();
        jdbc.sql("insert into owner (owner_key, " + OWNER_COLUMNS + ") "
                + """
                select distinct on (key) key, idpersonne, full_name, administrator, birth_date, address, siren, kind_code,
                       entity, legal_group
                  from lovac_owner order by key, local_id
                on conflict (owner_key) do update set (""" + OWNER_COLUMNS + ") = (" + prefixed("excluded", OWNER_COLUMNS)
                + "), updated_at = now() where (" + prefixed("owner", OWNER_COLUMNS) + ") is distinct from ("
                + prefixed("excluded", OWNER_COLUMNS) + ")").update();
        jdbc.sql("""
                create temp table lovac_link on commit drop as
                select h.id as housing_id, o.id as owner_id, lo.rank, lo.property_right, lo.owner_account_id,
                       lo.property_right_id, lo.locprop as locprop_source
                  from lovac_owner lo
                  join housing h on h.local_id = lo.local_id
                  join owner o on o.owner_key = lo.key""").update();
        jdbc.sql("create index on lovac_link (housing_id, owner_id)").update();
        jdbc.sql("insert into ownership (housing_id, owner_id, " + LINK_COLUMNS + ", origin) "
                + "select housing_id, owner_id, " + LINK_COLUMNS + ", :src from lovac_link "
                + "on conflict (housing_id, owner_id) do update set (" + LINK_COLUMNS + ", end_date) = ("
                + prefixed("excluded", LINK_COLUMNS) + ", null) where (" + prefixed("ownership", LINK_COLUMNS)
                + ", ownership.end_date) is distinct from (" + prefixed("excluded", LINK_COLUMNS) + ", null)")
                .param("src", source).update();
        // owners the newest file no longer lists become previous owners (rank 0); links made by users stay
        jdbc.sql("""
                update ownership w set rank = 0, end_date = current_date
                  from lovac_dedup d join housing h on h.local_id = d.local_id
                 where d.newest and w.housing_id = h.id and w.rank >= 1 and w.origin like 'lovac-%'
                   and not exists (select 1 from lovac_link l where l.housing_id = w.housing_id and l.owner_id = w.owner_id)""")
                .update();
    }

    private long exits(int millesime, List<String> coveredCommunes) {
        jdbc.sql("""
                insert into lovac_gone (id)
                select h.id from housing h
                 where h.last_lovac_year = :previous and h.commune_code = any(string_to_array(:communes, ',')) and h.status in (0, 1)
                   and not exists (select 1 from lovac_coverage c where c.commune_code = h.commune_code and c.last_millesime > :m)
                   and not exists (select 1 from lovac_dedup d where d.local_id = h.local_id)""")
                .param("previous", millesime - 1).param("m", millesime).param("communes", String.join(",", coveredCommunes)).update();
        jdbc.sql("""
                insert into event (housing_id, kind, old_value, new_value, message)
                select h.id, 'housing-exit-from-vacancy',
                       jsonb_build_object('occupancy', h.occupancy, 'status', h.status, 'subStatus', h.sub_status),
                       jsonb_build_object('occupancy', 'inconnu', 'status', 4, 'subStatus', 'Sortie de la vacance'),
                       'Absent du fichier ' || :label || ' alors que présent dans ' || :previousLabel
                       || ' : « Suivi terminé », « Sortie de la vacance ».'
                  from housing h join lovac_gone g on g.id = h.id""")
                .param("label", label(millesime)).param("previousLabel", label(millesime - 1)).update();
        return jdbc.sql("""
                update housing h set occupancy = 'inconnu', status = 4, sub_status = 'Sortie de la vacance',
                       version = h.version + 1, updated_at = now()
                  from lovac_gone g where g.id = h.id""").update();
    }

    private void refreshBuildings() {
        jdbc.sql("""
                insert into building (id, vacant_housing_count)
                select h.building_id, count(*) filter (where h.occupancy = 'V')
                  from housing h
                 where h.building_id in (select building_id from lovac_dedup where building_id is not null
                                         union select h2.building_id from housing h2 join lovac_gone g on g.id = h2.id)
                 group by h.building_id
                on conflict (id) do update set vacant_housing_count = excluded.vacant_housing_count
                 where building.vacant_housing_count is distinct from excluded.vacant_housing_count""").update();
    }

    private void refreshOwnerFlags() {
        jdbc.sql("""
                update owner o set multi_owner = s.multi, updated_at = now()
                  from (select w.owner_id, count(*) filter (where w.rank >= 1) > 1 as multi
                          from ownership w where w.owner_id in (select owner_id from lovac_link)
                         group by w.owner_id) s
                 where o.id = s.owner_id and o.multi_owner <> s.multi""").update();
        // where the owner lives relative to the dwelling, from the postcode and city of the owner's address
        jdbc.sql("""
                with located as (
                    select l.housing_id, l.owner_id, h.commune_code, h.departement, h.address_dgfip as housing_address,
                           o.address_dgfip as owner_address,
                           regexp_match(array_to_string(o.address_dgfip, ' '), '^(.*?)\\s*(\\d{5})\\s+([^0-9]+?)\\s*$') as pc
                      from lovac_link l join housing h on h.id = l.housing_id join owner o on o.id = l.owner_id
                ), placed as (
                    select x.*, case when x.pc is null then null
                                     when x.pc[2] like '97%' or x.pc[2] like '98%' then left(x.pc[2], 3)
                                     when x.pc[2] like '20%' then case when x.pc[2] < '20200' then '2A' else '2B' end
                                     else left(x.pc[2], 2) end as owner_dep
                      from located x
                ), computed as (
                    select p.housing_id, p.owner_id,
                           case
                             when coalesce(array_length(p.owner_address, 1), 0) = 0 then 'other'
                             when p.pc is null then 'foreign-country'
                             when p.pc[2] = any(c.postal_codes) and zlv_search_key(p.pc[3]) like zlv_search_key(c.name) || '%'
                               then case when p.housing_address is not null and zlv_search_key(p.pc[1]) <> ''
                                              and zlv_search_key(p.pc[1]) like '%' || zlv_search_key(ltrim(p.housing_address[1], '0'))
                                         then 'same-address' else 'same-commune' end
                             when p.owner_dep = p.departement then 'same-department'
                             when od.region is not null and od.region = hd.region then 'same-region'
                             when p.owner_dep like '97%' or p.owner_dep like '98%' then 'overseas'
                             when od.code is not null then 'other-region'
                             else 'other'
                           end as relative_location
                      from placed p
                      join commune c on c.code = p.commune_code
                      left join departement hd on hd.code = p.departement
                      left join departement od on od.code = p.owner_dep
                )
                update ownership w set relative_location = c.relative_location
                  from computed c
                 where w.housing_id = c.housing_id and w.owner_id = c.owner_id
                   and w.relative_location is distinct from c.relative_location""").update();
    }

    private static String label(int millesime) {
        return "LOVAC " + millesime;
    }

    private static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns.split(",")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(alias).append('.').append(c.strip());
        }
        return out.toString();
    }
}
