package fr.zlv.campaign;

import fr.zlv.groups.ExportSource;
import fr.zlv.groups.HousingExportWriter;
import fr.zlv.shared.security.AnyRole;
import java.io.OutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamed exports of a campaign's recipients, for external mail merge: the group export's columns and
 * sheets (DOMAIN.md §6), dwellings of the caller's scope only, each export written to the personal-data log.
 */
@Service
@Transactional(readOnly = true)
public class CampaignExports {

    private final CampaignManagement campaigns;
    private final HousingExportWriter writer;

    CampaignExports(CampaignManagement campaigns, HousingExportWriter writer) {
        this.campaigns = campaigns;
        this.writer = writer;
    }

    /** The campaign to export, checked before anything is written (another establishment's: not found). */
    @AnyRole
    public CampaignView check(long campaignId) {
        return campaigns.get(campaignId);
    }

    /** The workbook: sheets "Logements" and "Propriétaires". */
    @AnyRole
    public void writeXlsx(long campaignId, OutputStream out) {
        campaigns.get(campaignId);
        writer.writeXlsx(ExportSource.CAMPAIGN, campaignId, out);
    }

    /** The "Logements" sheet as CSV ({@code ;}, UTF-8 with a BOM). */
    @AnyRole
    public void writeCsv(long campaignId, OutputStream out) {
        campaigns.get(campaignId);
        writer.writeCsv(ExportSource.CAMPAIGN, campaignId, out);
    }
}
