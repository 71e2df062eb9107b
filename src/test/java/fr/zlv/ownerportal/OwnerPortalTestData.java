package fr.zlv.ownerportal;

import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.housing.followup.FollowUpTestData;
import fr.zlv.shared.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns with one dwelling and its owner's access code, for the answer page tests: agents and dwellings
 * come from {@link FollowUpTestData} (in Pontarlier and Lons-le-Saunier, communes no other test uses);
 * campaigns are inserted as rows (the campaign module's own API may not exist yet), codes are made by
 * {@link OwnerAccessCodes#ensureCodes}.
 */
final class OwnerPortalTestData {

    static final String PONTARLIER = "25462";
    static final String LONS = "39300";
    static final String OWNER_NAME = "SECRETNOM/JOSIANE";

    /** A campaign of one dwelling, and the code printed on its letter. */
    record Letter(long campaignId, long housingId, long ownerId, String code) {
    }

    private final JdbcClient jdbc;
    private final OwnerAccessCodes codes;
    private final FollowUpTestData followUp;

    OwnerPortalTestData(JdbcClient jdbc, OwnerAccessCodes codes, FollowUpTestData followUp) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.followUp = followUp;
    }

    FollowUpTestData followUp() {
        return followUp;
    }

    /** A dwelling at {@code address} with status {@code status}, in a new campaign of the establishment. */
    Letter letter(long establishmentId, String communeCode, int status, String address, String campaignTitle) {
        long housingId = followUp.housing(communeCode, status, address);
        long ownerId = followUp.owner(housingId, OWNER_NAME, 1);
        long campaignId = jdbc.sql("""
                insert into campaign (establishment_id, title, sending_date, housing_count) values (?, ?, current_date, 1) returning id""")
                .params(establishmentId, campaignTitle).query(Long.class).single();
        jdbc.sql("insert into campaign_housing (campaign_id, housing_id, moved_to_waiting) values (?, ?, now())")
                .params(campaignId, housingId).update();
        String code = Roles.asSystem(() -> codes.ensureCodes(campaignId))
                .get(new OwnerAccessCodes.Recipient(housingId, ownerId));
        return new Letter(campaignId, housingId, ownerId, code);
    }

    /** One more dwelling and owner in the campaign of {@code letter}, with its own code. */
    Letter neighbour(Letter letter, String communeCode, int status, String address) {
        long housingId = followUp.housing(communeCode, status, address);
        long ownerId = followUp.owner(housingId, OWNER_NAME, 1);
        jdbc.sql("insert into campaign_housing (campaign_id, housing_id, moved_to_waiting) values (?, ?, now())")
                .params(letter.campaignId(), housingId).update();
        jdbc.sql("update campaign set housing_count = housing_count + 1 where id = ?").param(letter.campaignId()).update();
        String code = Roles.asSystem(() -> codes.ensureCodes(letter.campaignId()))
                .get(new OwnerAccessCodes.Recipient(housingId, ownerId));
        return new Letter(letter.campaignId(), housingId, ownerId, code);
    }

    void expire(String code) {
        jdbc.sql("update owner_access_code set expires_at = now() - interval '1 day' where code = ?")
                .param(OwnerAccessCodes.normalise(code)).update();
    }

    /** Every test starts with no attempts: all tests come from the same local address. */
    void forgetAttempts() {
        jdbc.sql("delete from owner_code_attempt").update();
    }

    int answers(long housingId) {
        return jdbc.sql("select count(*) from owner_answer where housing_id = ?").param(housingId).query(Integer.class).single();
    }

    String subStatus(long housingId) {
        return jdbc.sql("select sub_status from housing where id = ?").param(housingId).query(String.class).single();
    }
}
