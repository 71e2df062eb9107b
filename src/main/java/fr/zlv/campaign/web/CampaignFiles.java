package fr.zlv.campaign.web;

import fr.zlv.campaign.CampaignView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;

/** Download headers: "campagne-<title>-<date>.xlsx" (ASCII fallback plus the UTF-8 form), documents by name. */
final class CampaignFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private CampaignFiles() {
    }

    static String export(CampaignView campaign, String extension) {
        return attachment("campagne-" + campaign.title() + "-" + LocalDate.now() + "." + extension);
    }

    static String attachment(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
