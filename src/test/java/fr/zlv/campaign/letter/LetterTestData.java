package fr.zlv.campaign.letter;

import fr.zlv.support.TestData;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Agents, dwellings, owners and campaigns inserted straight into the tables for the letter tests. */
final class LetterTestData extends TestData {

    LetterTestData(ApplicationContext context) {
        super(context, "courriers", "lettre");
    }

    long campaign(long establishmentId, String title) {
        return jdbc.sql("insert into campaign (establishment_id, title) values (?, ?) returning id")
                .params(establishmentId, title).query(Long.class).single();
    }

    /** A dwelling of the commune in the campaign, with a primary owner (or none when ownerName is null). */
    long dwelling(long campaignId, String communeCode, String street, String ownerName, boolean doNotContact) {
        String localId = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
        long housingId = jdbc.sql("""
                insert into housing (local_id, invariant, commune_code, geo_code, departement, address_dgfip, kind, living_area,
                                     rooms, building_year, vacancy_start_year, cadastral_reference, plot_id)
                values (?, ?, ?, ?, ?, ?, 'MAISON', 72.5, 4, 1932, 2019, 'AB 0123', ?) returning id""")
                .params(localId, "INV" + localId.substring(1, 8), communeCode, communeCode, communeCode.substring(0, 2),
                        new String[] {street}, communeCode + "000AB0123")
                .query(Long.class).single();
        if (ownerName != null) {
            long ownerId = jdbc.sql("""
                    insert into owner (owner_key, full_name, address_dgfip, do_not_contact)
                    values (?, ?, ?, ?) returning id""")
                    .params("lettre-" + UUID.randomUUID(), ownerName, new String[] {"12 RUE DES LILAS", "75011 PARIS"}, doNotContact)
                    .query(Long.class).single();
            jdbc.sql("insert into ownership (housing_id, owner_id, rank, property_right) values (?, ?, 1, 'proprietaire-entier')")
                    .params(housingId, ownerId).update();
        }
        jdbc.sql("insert into campaign_housing (campaign_id, housing_id) values (?, ?)").params(campaignId, housingId).update();
        jdbc.sql("update campaign set housing_count = housing_count + 1 where id = ?").param(campaignId).update();
        return housingId;
    }

    String code(long campaignId, long housingId) {
        return jdbc.sql("select code from owner_access_code where campaign_id = ? and housing_id = ?")
                .params(campaignId, housingId).query(String.class).single();
    }

    /** A call with a bearer token that also accepts the letters' PDF. */
    public static HttpResponse<byte[]> call(int port, String token, String method, String path, String json) {
        return TestData.call(port, token, method, path, json, "application/json, application/pdf, */*");
    }
}
