package fr.zlv.campaign.web;

import fr.zlv.campaign.CampaignDocuments;
import fr.zlv.campaign.CampaignView;
import fr.zlv.shared.web.Attachment;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

/** Downloads: exports as "campagne-<title>-<date>.xlsx" (ASCII fallback plus the UTF-8 form), documents by name. */
final class CampaignFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private CampaignFiles() {
    }

    static String export(CampaignView campaign, String extension) {
        return Attachment.header("campagne-" + campaign.title() + "-" + LocalDate.now() + "." + extension);
    }

    /** A document of the campaign, as stored, under its name; never sniffed into something the browser runs. */
    static void send(CampaignDocuments.Content content, HttpServletResponse response) throws IOException {
        try (InputStream in = content.stream()) {
            response.setContentType(content.document().contentType());
            response.setHeader("Content-Disposition", Attachment.header(content.document().fileName()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }
}
