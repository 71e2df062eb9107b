package fr.zlv.campaign;

import fr.zlv.support.TestData;
import org.springframework.context.ApplicationContext;

/** Hand-made dwellings and owners inserted into the tables, and agents with an API token. */
final class CampaignTestData extends TestData {

    CampaignTestData(ApplicationContext context) {
        super(context, "campagnes", "cmp");
    }
}
