package fr.zlv.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A campaign as its list and its page show it. The counts are stored counters kept up to date when the
 * campaign or its dwellings' statuses change through it, never counted when shown (DOMAIN.md §9).
 *
 * @param status      {@code draft} (no sending date), {@code scheduled} (date in the future) or {@code sent}
 * @param statusLabel « Brouillon », « Envoi programmé » or « Envoyée »
 * @param returnCount dwellings that reached status 2–5 after the sending date (returned mail included)
 * @param returnRate  returnCount / housingCount in percent, rounded to one decimal (0 without dwellings)
 */
public record CampaignView(long id, String title, String description, LocalDate sendingDate, String status,
                           String statusLabel, int housingCount, int returnCount, double returnRate,
                           Long groupId, Long parentId, OffsetDateTime createdAt, OffsetDateTime archivedAt) {

    @com.fasterxml.jackson.annotation.JsonProperty("archived")
    public boolean archived() {
        return archivedAt != null;
    }

    public boolean sent() {
        return "sent".equals(status);
    }

    static CampaignView of(long id, String title, String description, LocalDate sendingDate, LocalDate today,
                           int housingCount, int returnCount, Long groupId, Long parentId,
                           OffsetDateTime createdAt, OffsetDateTime archivedAt) {
        String status = sendingDate == null ? "draft" : sendingDate.isAfter(today) ? "scheduled" : "sent";
        String label = switch (status) {
            case "draft" -> "Brouillon";
            case "scheduled" -> "Envoi programmé";
            default -> "Envoyée";
        };
        double rate = housingCount == 0 ? 0 : Math.round(returnCount * 1000.0 / housingCount) / 10.0;
        return new CampaignView(id, title, description, sendingDate, status, label, housingCount, returnCount, rate,
                groupId, parentId, createdAt, archivedAt);
    }
}
