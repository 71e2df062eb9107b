package fr.zlv.campaign;

import fr.zlv.groups.ExportSource;
import fr.zlv.groups.HousingExportWriter;
import fr.zlv.groups.HousingSetExports;
import fr.zlv.shared.security.AnyRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamed exports of a campaign's recipients, for external mail merge: the group export's columns and
 * sheets (DOMAIN.md §6), dwellings of the caller's scope only, each export written to the personal-data log.
 */
@Service
@Transactional(readOnly = true)
public class CampaignExports extends HousingSetExports<CampaignView> {

    private final CampaignManagement campaigns;

    CampaignExports(CampaignManagement campaigns, HousingExportWriter writer) {
        super(ExportSource.CAMPAIGN, writer);
        this.campaigns = campaigns;
    }

    /** The campaign to export, checked before anything is written (another establishment's: not found). */
    @AnyRole
    @Override
    public CampaignView check(long campaignId) {
        return campaigns.get(campaignId);
    }
}
