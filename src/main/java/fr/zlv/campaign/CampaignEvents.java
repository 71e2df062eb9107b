package fr.zlv.campaign;

/** Kinds of the campaign's own history (table campaign_event). */
final class CampaignEvents {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String HOUSINGS_REMOVED = "housings-removed";
    static final String SENDING_DATE = "sending-date";
    static final String SENT = "sent";
    static final String REVERTED = "waiting-reverted";
    static final String RETURNED_MAIL = "returned-mail";
    static final String ARCHIVED = "archived";
    static final String UNARCHIVED = "unarchived";
    static final String FOLLOW_UP_CREATED = "follow-up-created";
    static final String DOCUMENT_ADDED = "document-added";
    static final String DOCUMENT_DELETED = "document-deleted";

    private CampaignEvents() {
    }
}
