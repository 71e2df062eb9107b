package fr.zlv.housing;

import static fr.zlv.housing.BulkSteps.prefixed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owners' part of a bulk load: owners, links, multi-owner flags, and the primary owner's attributes
 * copied onto each written dwelling (V28). Works on the temporary table {@code lovac_dedup} of
 * {@link HousingBulkSql}; the V28 triggers are off during a bulk load, so everything they would have
 * refreshed is refreshed here, once, set-based.
 */
@Repository
class OwnerBulkSql {

    private static final String OWNER_COLUMNS =
            "idpersonne, full_name, administrator, birth_date, address_dgfip, siren, kind_code, entity, legal_group";

    /** The owner's search keys: written with its values, the V33 trigger being off during a bulk load. */
    private static final String KEY_COLUMNS = "name_key, administrator_key, address_key";

    static final String LINK_COLUMNS =
            "rank, property_right, owner_account_id, property_right_id, locprop_source, relative_location";

    /**
     * {@code zlv_owner_keys(o.name_key, o.administrator_key, o.address_key)} (V30) written out: a national load
     * calls it for two million links, and a PL/pgSQL call costs several times the expression.
     */
    static final String OWNER_KEYS = """
            nullif(concat_ws('|', replace(o.name_key, '|', ' '), replace(o.administrator_key, '|', ' '),
                             replace(o.address_key, '|', ' ')), '')""";

    /**
     * A link's values from an owner row {@code lo} (see {@link OwnerStage}), with where the owner lives relative
     * to the dwelling (DOMAIN.md §4) from the postcode and city the reader found in the owner's address: computed
     * when the link is made so that it is written once. Needs {@link #LOCATION_JOINS}.
     */
    static final String LINK_VALUES = """
            lo.rank, lo.property_right, lo.owner_account_id, lo.property_right_id, lo.locprop as locprop_source,
            case
              when not coalesce(lo.has_address, false) then 'other'
              when lo.postal_code is null then 'foreign-country'
              when lo.postal_code = any(c.postal_codes) and lo.city_key like c.name_key || '%'
                then case when lo.same_street then 'same-address' else 'same-commune' end
              when p.owner_dep = lo.departement then 'same-department'
              when od.region is not null and od.region = hd.region then 'same-region'
              when p.owner_dep like '97%' or p.owner_dep like '98%' then 'overseas'
              when od.code is not null then 'other-region'
              else 'other'
            end as relative_location""";

    static final String LOCATION_JOINS = """
            left join (select code, postal_codes, zlv_search_key(name) as name_key from commune) c
                   on c.code = lo.commune_code
            cross join lateral (select case when lo.postal_code like '97%' or lo.postal_code like '98%' then left(lo.postal_code, 3)
                                            when lo.postal_code like '20%' then case when lo.postal_code < '20200' then '2A' else '2B' end
                                            else left(lo.postal_code, 2) end as owner_dep) p
            left join departement hd on hd.code = lo.departement
            left join departement od on od.code = p.owner_dep""";

    private final JdbcClient jdbc;

    OwnerBulkSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per owner of the given owner rows (a row lists an owner once): the first dwelling's values, and
     * how many dwellings of the file it owns (a new owner's dwellings are all in this file, hence its
     * multi-owner flag).
     *
     * @param ownerRows owner rows (with their dwelling's {@code local_id}), aliased, with any condition
     */
    static String distinctOwners(String ownerRows) {
        // keys and local ids are codes: sorted byte-wise ("C"), which is the order a UTF-8 database's C.UTF-8
        // gives them anyway, without a locale-aware comparison per pair (the national owners' sort: 30 % faster)
        return """
                select distinct on (key collate "C") key, idpersonne, full_name, administrator, birth_date,
                       address as address_dgfip, siren, kind_code, entity, legal_group,
                       count(*) over (partition by key collate "C") as dwellings
                  from %s order by key collate "C", local_id collate "C\"""".formatted(ownerRows);
    }

    /**
     * The V28 copies of each dwelling's owners (primary owner's attributes, current owners' search texts).
     *
     * @param key   the dwelling's column in {@code links}
     * @param links the dwellings' current links (rank ≥ 1) with their owners' values and search {@code keys}
     */
    static String copiesOf(String key, String links) {
        return """
                with links as materialized (%2$s)
                select k.%1$s, p.owner_id as primary_owner_id, p.full_name as primary_owner_name,
                       p.kind_code as primary_owner_kind, p.birth_date as primary_owner_birth_date,
                       p.relative_location as primary_owner_location, p.multi_owner as primary_owner_multi, k.owners_key
                  from (select %1$s, string_agg(keys, '|' order by rank, owner_id) as owners_key
                          from links group by %1$s) k
                  left join (select distinct on (%1$s) * from links where rank = 1
                              order by %1$s, owner_id) p on p.%1$s = k.%1$s""".formatted(key, links);
    }

    /**
     * A first load's owners, from what {@link OwnerScratch} works out meanwhile on its own connection: every owner
     * is new, with its id already drawn.
     */
    void insertFirstLoadOwners(BulkSteps steps, OwnerScratch scratch) {
        scratch.awaitOwners();
        steps.run("owner insert", jdbc.sql("insert into owner (id, owner_key, " + OWNER_COLUMNS + ", " + KEY_COLUMNS
                + ", multi_owner) select id, key, " + OWNER_COLUMNS + ", " + KEY_COLUMNS + ", dwellings > 1 from "
                + OwnerScratch.DISTINCT));
        // a table filled in this transaction has no statistics: the checks of the foreign keys would be planned blind
        steps.run("owner analyze", jdbc.sql("analyze owner"));
    }

    /** A first load's links, every one new, once {@link OwnerScratch} has worked them out. */
    void insertFirstLoadLinks(String source, BulkSteps steps, OwnerScratch scratch) {
        scratch.awaitLinks();
        // in key order: the primary key's index grows at its end
        steps.run("ownership insert", jdbc.sql("insert into ownership (housing_id, owner_id, " + LINK_COLUMNS
                + ", origin) select housing_id, owner_id, " + LINK_COLUMNS + ", :src from " + OwnerScratch.LINK
                + " order by housing_id, owner_id")
                .param("src", source));
        steps.run("ownership analyze", jdbc.sql("analyze ownership"));
    }

    /** Owners and their links for the dwellings this file writes; owners whose copied values changed are noted. */
    void merge(String source, BulkSteps steps) {
        jdbc.sql("create temp table lovac_owner_new (id bigint) on commit drop").update();
        jdbc.sql("create temp table lovac_owner_touched (id bigint) on commit drop").update();
        jdbc.sql("create temp table lovac_link_changed (owner_id bigint) on commit drop").update();
        // owners of an older millésime are history: only the newest file says who owns a dwelling; unchanged
        // dwellings keep their owners and links as they are
        steps.run("owner rows", jdbc.sql("""
                create temp table lovac_owner on commit drop as
                select d.housing_id, d.existing_id is null as new_housing, o.*
                  from lovac_dedup d
                  join %s o on o.line_no = d.line_no
                 where d.newest and not d.unchanged""".formatted(OwnerStage.TABLE)));
        long distinctOwners = steps.run("owner distinct", jdbc.sql(
                "create temp table lovac_owner_distinct on commit drop as " + distinctOwners("lovac_owner")));
        long newOwners = steps.run("owner insert", jdbc.sql("with inserted as (insert into owner (owner_key, "
                + OWNER_COLUMNS + ", " + KEY_COLUMNS + ", multi_owner) select x.key, " + prefixed("x", OWNER_COLUMNS)
                + ", " + SearchKeys.ownerKeyValues("x") + ", x.dwellings > 1 from lovac_owner_distinct x"
                + " where not exists (select 1 from owner o where o.owner_key = x.key) returning id) "
                + "insert into lovac_owner_new select id from inserted"));
        if (newOwners < distinctOwners) {
            // known owners whose values changed: they may own dwellings this file does not write, refreshed at the end
            steps.run("owner update", jdbc.sql("with updated as (update owner o set (" + OWNER_COLUMNS + ", " + KEY_COLUMNS
                    + ") = (" + prefixed("x", OWNER_COLUMNS) + ", " + SearchKeys.ownerKeyValues("x")
                    + "), updated_at = now() from lovac_owner_distinct x "
                    + "where o.owner_key = x.key and (" + prefixed("o", OWNER_COLUMNS) + ") is distinct from ("
                    + prefixed("x", OWNER_COLUMNS) + ") returning o.id) insert into lovac_owner_touched select id from updated"));
        }
        steps.run("links", jdbc.sql("create temp table lovac_link on commit drop as select lo.housing_id, "
                + "o.id as owner_id, lo.new_housing, " + LINK_VALUES + " from lovac_owner lo join owner o on o.owner_key = lo.key "
                + LOCATION_JOINS));
        steps.run("links analyze", jdbc.sql("analyze lovac_link"));
        // a new dwelling has no link yet: a plain insert, in key order (the primary key's index grows at its end)
        steps.run("ownership insert", jdbc.sql("insert into ownership (housing_id, owner_id, " + LINK_COLUMNS
                + ", origin) select housing_id, owner_id, " + LINK_COLUMNS + ", :src from lovac_link where new_housing"
                + " order by housing_id, owner_id")
                .param("src", source));
        long changedLinks = steps.run("ownership upsert", jdbc.sql("with written as (insert into ownership (housing_id, owner_id, "
                + LINK_COLUMNS + ", origin) select housing_id, owner_id, " + LINK_COLUMNS + ", :src from lovac_link "
                + "where not new_housing "
                + "on conflict (housing_id, owner_id) do update set (" + LINK_COLUMNS + ", end_date) = ("
                + prefixed("excluded", LINK_COLUMNS) + ", null) where (" + prefixed("ownership", LINK_COLUMNS)
                + ", ownership.end_date) is distinct from (" + prefixed("excluded", LINK_COLUMNS) + ", null) "
                + "returning owner_id) insert into lovac_link_changed select owner_id from written")
                .param("src", source));
        // owners the newest file no longer lists become previous owners (rank 0); links made by users stay.
        // A new dwelling has no earlier link.
        changedLinks += steps.run("ownership previous", jdbc.sql("""
                with demoted as (
                    update ownership w set rank = 0, end_date = current_date
                      from lovac_dedup d
                     where d.newest and not d.unchanged and d.existing_id is not null
                       and w.housing_id = d.existing_id and w.rank >= 1 and w.origin like 'lovac-%'
                       and not exists (select 1 from lovac_link l where l.housing_id = w.housing_id and l.owner_id = w.owner_id)
                    returning w.owner_id)
                insert into lovac_link_changed select owner_id from demoted"""));
        // a file of new owners on new dwellings (a first load) has no known owner to recount
        if (newOwners < distinctOwners || changedLinks > 0) {
            multiOwnerFlags(steps);
        }
    }

    /**
     * An owner is a multi-owner when it is a current owner of more than one dwelling. New owners got their flag
     * at insert; known owners are recounted when this file gave them a dwelling or changed or ended a link.
     */
    private void multiOwnerFlags(BulkSteps steps) {
        steps.run("multi owner", jdbc.sql("""
                with candidates as (
                    select owner_id from lovac_link_changed
                    union
                    select owner_id from lovac_link where new_housing
                    except
                    select id from lovac_owner_new),
                flags as (
                    select c.owner_id, count(w.owner_id) > 1 as multi
                      from candidates c
                      left join ownership w on w.owner_id = c.owner_id and w.rank >= 1
                     group by c.owner_id),
                changed as (
                    update owner o set multi_owner = f.multi, updated_at = now()
                      from flags f
                     where o.id = f.owner_id and o.multi_owner <> f.multi
                    returning o.id)
                insert into lovac_owner_touched select id from changed"""));
    }

    /**
     * The V28 copies of every dwelling this file writes, from the links as they now stand: the dwelling rows are
     * then written once, with them.
     */
    void copies(BulkSteps steps) {
        steps.run("owner copies", jdbc.sql("create temp table lovac_copies on commit drop as " + copiesOf("housing_id", """
                select w.housing_id, w.owner_id, w.rank, w.relative_location, o.full_name, o.kind_code, o.birth_date,
                       o.multi_owner, %s as keys
                  from ownership w join owner o on o.id = w.owner_id
                 where w.rank >= 1 and w.housing_id in (select housing_id from lovac_dedup where newest and not unchanged)"""
                .formatted(OWNER_KEYS))));
        steps.run("owner copies analyze", jdbc.sql("analyze lovac_copies"));
    }

    /** Whether this file changed a known owner (values or multi-owner flag): its other dwellings are refreshed. */
    boolean touchedAny() {
        return jdbc.sql("select exists (select 1 from lovac_owner_touched)").query(Boolean.class).single();
    }

    /** Dwellings this file does not write whose current owners it changed (name, address, multi-owner flag…). */
    void refreshOtherDwellings(BulkSteps steps) {
        if (!touchedAny()) {
            return;
        }
        long t = System.nanoTime();
        long refreshed = jdbc.sql("""
                select cardinality(ids) from (select array(
                    select distinct w.housing_id
                      from ownership w
                     where w.owner_id in (select id from lovac_owner_touched) and w.rank >= 1
                       and w.housing_id not in (select housing_id from lovac_dedup where newest and not unchanged)) as ids) x,
                     lateral (select zlv_refresh_housing_owners(x.ids)) r""")
                .query(Long.class).single();
        steps.log("other dwellings' owners", refreshed, t);
    }

    /** Distinct owners and links of the dwellings in the file, for the report. */
    long[] reportCounts() {
        return jdbc.sql("""
                select count(distinct w.owner_id), count(*)
                  from lovac_dedup d join ownership w on w.housing_id = d.housing_id and w.rank >= 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
