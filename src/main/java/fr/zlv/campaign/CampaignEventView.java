package fr.zlv.campaign;

import java.time.OffsetDateTime;

/** One entry of a campaign's history: who did what and when, told in French ({@code message}). */
public record CampaignEventView(long id, String kind, String author, OffsetDateTime createdAt, String message) {
}
