package fr.zlv.campaign;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.campaign.letter.LetterImageCleanup;
import fr.zlv.groups.GroupManagement;
import fr.zlv.groups.HousingSets;
import fr.zlv.housing.CampaignFollowUp;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingSearch;
import fr.zlv.targeting.HousingSelection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Campaigns, private to the establishment the caller acts for (DOMAIN.md §8): another establishment's
 * campaign is answered as not found ({@link CampaignNotFoundException}, a 404). Dwellings enter a
 * campaign only from the caller's scope. The sending date moves the campaign's *Non suivi* dwellings to
 * *En attente de retour* (now when it has come, else by the daily job {@link #applySendingDates()}); the
 * automatic reverts of DOMAIN.md §4 put them back. Every change writes a campaign event and recounts the
 * stored counters.
 */
@Service
@Transactional
public class CampaignManagement {

    /** Sending dates are days in France. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int TITLE_MAX = 120;

    private final CampaignRepository campaigns;
    private final CampaignHousingRepository housings;
    private final AccessManagement access;
    private final HousingSearch search;
    private final GroupManagement groups;
    private final CampaignFollowUp followUp;
    private final LetterImageCleanup letterImages;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CampaignManagement(CampaignRepository campaigns, CampaignHousingRepository housings, AccessManagement access,
                       HousingSearch search, GroupManagement groups, CampaignFollowUp followUp,
                       LetterImageCleanup letterImages, JdbcClient jdbc, ObjectMapper json) {
        this.campaigns = campaigns;
        this.housings = housings;
        this.access = access;
        this.search = search;
        this.groups = groups;
        this.followUp = followUp;
        this.letterImages = letterImages;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The campaigns of the caller's establishment, newest first; archived ones only when asked. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<CampaignView> list(boolean withArchived) {
        Long establishmentId = access.currentScope().establishmentId();
        return establishmentId == null ? List.of() : campaigns.list(establishmentId, withArchived, today());
    }

    /** One campaign of the caller's establishment; otherwise {@link CampaignNotFoundException}. */
    @AnyRole
    @Transactional(readOnly = true)
    public CampaignView get(long id) {
        return campaigns.find(establishment(), id, today()).orElseThrow(CampaignNotFoundException::new);
    }

    /** A page (from 1) of the campaign's dwellings that the caller's scope covers. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<CampaignHousingView> housings(long id, int page, int perPage) {
        get(id);
        return housings.page(id, access.currentScope(), perPage, (long) (Math.max(page, 1) - 1) * perPage);
    }

    /** How many of the campaign's dwellings the caller's scope covers (the stored count covers them all). */
    @AnyRole
    @Transactional(readOnly = true)
    public int countHousings(long id) {
        get(id);
        return housings.countInScope(id, access.currentScope());
    }

    @AnyRole
    @Transactional(readOnly = true)
    public CampaignFunnel funnel(long id) {
        return housings.funnel(get(id));
    }

    /** The campaign's history, newest first, each event told in French. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<CampaignEventView> events(long id) {
        get(id);
        return campaigns.events(id).stream().map(e -> new CampaignEventView(e.id(), e.kind(), e.author(), e.createdAt(),
                CampaignHistory.message(e.kind(), payload(e.oldJson()), payload(e.newJson())))).toList();
    }

    /** A new campaign of the group's dwellings (those of the caller's scope). */
    @CanWrite
    public CampaignChange createFromGroup(long groupId, String title, String description, LocalDate sendingDate) {
        List<Long> ids = groups.housingIdsInScope(groupId); // another establishment's group: not found
        return create(title, description, groupId, null, ids, sendingDate);
    }

    /**
     * A new campaign of the selected dwellings: explicit ids, or every dwelling matching {@code filter}
     * except some ids. Dwellings outside the caller's scope are ignored.
     */
    @CanWrite
    public CampaignChange createFromSelection(String title, String description, HousingFilter filter,
                                              HousingSelection selection, LocalDate sendingDate) {
        List<Long> ids = search.selectedIds(access.currentScope(), filter == null ? HousingFilter.none() : filter, selection);
        return create(title, description, null, null, ids, sendingDate);
    }

    private CampaignChange create(String title, String description, Long groupId, Long parentId, List<Long> ids,
                                  LocalDate sendingDate) {
        long establishmentId = establishment();
        String cleanTitle = title(title);
        String cleanDescription = description(description);
        if (ids.isEmpty()) {
            throw new CampaignInputException("ids", "La campagne doit contenir au moins un logement de votre territoire.");
        }
        Long userId = userId();
        long id = campaigns.insert(establishmentId, cleanTitle, cleanDescription, groupId, parentId, userId);
        int added = housings.add(id, ids.toArray(Long[]::new));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("title", cleanTitle);
        payload.put("groupId", groupId);
        payload.put("parentId", parentId);
        payload.put("count", added);
        campaigns.event(id, CampaignEvents.CREATED, userId, null, json(payload));
        int moved = 0;
        if (sendingDate != null) {
            campaigns.sendingDate(id, sendingDate);
            campaigns.event(id, CampaignEvents.SENDING_DATE, userId, null, json(Map.of("sendingDate", sendingDate.toString())));
            moved = sendIfDue(id, cleanTitle, sendingDate, userId);
        }
        housings.refreshCounts(id);
        return new CampaignChange(campaigns.find(establishmentId, id, today()).orElseThrow(), added, moved);
    }

    /** Renames the campaign and/or changes its description; a null argument keeps the current value. */
    @CanWrite
    public CampaignView update(long id, String title, String description) {
        CampaignView before = lock(id);
        String newTitle = title == null ? before.title() : title(title);
        String newDescription = description == null ? before.description() : description(description);
        if (!newTitle.equals(before.title()) || !Objects.equals(newDescription, before.description())) {
            campaigns.update(id, newTitle, newDescription);
            campaigns.event(id, CampaignEvents.UPDATED, userId(), json(HousingSets.textsPayload("title", before.title(), before.description())),
                    json(HousingSets.textsPayload("title", newTitle, newDescription)));
        }
        return get(id);
    }

    /**
     * Sets (or clears, with null) the sending date. A date that has come moves the *Non suivi* dwellings
     * now; a date put back into the future (or cleared) reverts those the campaign moved, unless another
     * sent campaign holds them or someone changed their status since (DOMAIN.md §4).
     */
    @CanWrite
    public CampaignChange setSendingDate(long id, LocalDate date) {
        CampaignView before = lock(id);
        if (Objects.equals(before.sendingDate(), date)) {
            return new CampaignChange(before, 0, 0);
        }
        Long userId = userId();
        campaigns.sendingDate(id, date);
        Map<String, Object> oldValue = new LinkedHashMap<>();
        oldValue.put("sendingDate", before.sendingDate() == null ? null : before.sendingDate().toString());
        Map<String, Object> newValue = new LinkedHashMap<>();
        newValue.put("sendingDate", date == null ? null : date.toString());
        campaigns.event(id, CampaignEvents.SENDING_DATE, userId, json(oldValue), json(newValue));
        int moved;
        if (date != null && !date.isAfter(today())) {
            moved = sendIfDue(id, before.title(), date, userId);
        } else {
            var candidates = housings.movedNotHeldElsewhere(id, today());
            List<Long> reverted = followUp.revertToNotFollowed(candidates.stream().map(CampaignHousingRepository.Moved::housingId).toList(),
                    candidates.stream().map(CampaignHousingRepository.Moved::at).toList(),
                    "date d’envoi de la campagne « " + before.title() + " » " + (date == null ? "retirée" : "reportée"), userId);
            if (!reverted.isEmpty()) {
                housings.clearMoved(id, reverted);
                campaigns.event(id, CampaignEvents.REVERTED, userId, null, json(HousingSets.housingsPayload(reverted, reverted.size())));
            }
            moved = reverted.size();
        }
        housings.refreshCounts(id);
        return new CampaignChange(get(id), 0, moved);
    }

    /**
     * Removes dwellings of the caller's scope from the campaign. Those left in no campaign at all that
     * this campaign had moved go back to *Non suivi* if nobody changed their status since.
     */
    @CanWrite
    public CampaignChange removeHousings(long id, List<Long> housingIds) {
        CampaignView campaign = lock(id);
        List<Long> ids = housingIds == null || housingIds.isEmpty() ? List.of()
                : housings.inScope(id, housingIds, access.currentScope());
        if (ids.isEmpty()) {
            return new CampaignChange(campaign, 0, 0);
        }
        Long userId = userId();
        var moved = housings.remove(id, ids.toArray(Long[]::new));
        campaigns.event(id, CampaignEvents.HOUSINGS_REMOVED, userId, json(HousingSets.housingsPayload(ids, ids.size())), null);
        int reverted = revertLeftAlone(moved, "retiré de la campagne « " + campaign.title() + " »", userId);
        housings.refreshCounts(id);
        return new CampaignChange(get(id), ids.size(), reverted);
    }

    /**
     * Returned mail for the selected recipients: « N’habite pas à l’adresse indiquée » is recorded on the
     * campaign and set on the dwellings not further than *Premier contact* (DOMAIN.md §4).
     */
    @CanWrite
    public CampaignChange markReturnedMail(long id, List<Long> housingIds) {
        CampaignView campaign = lock(id);
        List<Long> ids = housingIds == null || housingIds.isEmpty() ? List.of()
                : housings.inScope(id, housingIds, access.currentScope());
        if (ids.isEmpty()) {
            throw new CampaignInputException("ids", "Sélectionnez au moins un destinataire de la campagne.");
        }
        housings.markReturnedMail(id, ids);
        List<Long> changed = followUp.markReturnedMail(access.currentScope(), ids);
        campaigns.event(id, CampaignEvents.RETURNED_MAIL, userId(), null, json(HousingSets.housingsPayload(ids, ids.size())));
        housings.refreshCounts(id);
        return new CampaignChange(get(id), ids.size(), changed.size());
    }

    @CanWrite
    public CampaignView archive(long id, boolean archived) {
        CampaignView before = lock(id);
        if (before.archived() != archived) {
            campaigns.archive(id, archived);
            campaigns.event(id, archived ? CampaignEvents.ARCHIVED : CampaignEvents.UNARCHIVED, userId(), null, null);
        }
        return get(id);
    }

    /**
     * Deletes the campaign, its history, letter, codes and documents' records. Its dwellings left in no
     * campaign that it had moved go back to *Non suivi* if nobody changed their status since. Its letter's
     * images are deleted after the commit, unless another letter (a follow-up's, the defaults) names them.
     *
     * @return the storage keys of its documents, for the caller to delete once committed
     */
    @CanWrite
    public List<String> delete(long id) {
        CampaignView campaign = lock(id);
        List<String> documentKeys = jdbc.sql("select storage_key from campaign_document where campaign_id = ?")
                .param(id).query(String.class).list();
        var moved = jdbc.sql("select housing_id, moved_to_waiting from campaign_housing where campaign_id = ? and moved_to_waiting is not null")
                .param(id).query((rs, n) -> new CampaignHousingRepository.Moved(rs.getLong(1),
                        rs.getObject(2, java.time.OffsetDateTime.class))).list();
        letterImages.releaseImagesOf(id);
        campaigns.delete(id);
        revertLeftAlone(moved, "campagne « " + campaign.title() + " » supprimée", userId());
        return documentKeys;
    }

    /**
     * A follow-up campaign (relance): the recipients of a sent campaign that have not answered
     * {@code days} days after its sending date — still *En attente de retour*, no returned mail, no online
     * answer — with a copy of its letter.
     */
    @CanWrite
    public CampaignChange createFollowUp(long id, int days, String title, String description) {
        CampaignView source = lock(id);
        if (!source.sent()) {
            throw new CampaignInputException("id", "La campagne « " + source.title() + " » n’a pas encore été envoyée : "
                    + "une relance se fait après la date d’envoi.");
        }
        if (days < 0 || days > 3650) {
            throw new CampaignInputException("days", "Le délai de relance (champ « days ») doit être un nombre de jours entre 0 et 3650.");
        }
        LocalDate due = source.sendingDate().plusDays(days);
        if (due.isAfter(today())) {
            throw new CampaignInputException("days", "Le délai de " + days + " jours après l’envoi n’est pas écoulé : "
                    + "une relance est possible à partir du " + due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");
        }
        List<Long> ids = housings.notAnswered(id, access.currentScope());
        if (ids.isEmpty()) {
            throw new CampaignInputException("days", "Tous les destinataires de la campagne ont répondu ou ne sont plus en attente de retour : "
                    + "aucune relance à faire.");
        }
        String newTitle = title == null || title.isBlank() ? truncate("Relance — " + source.title()) : title;
        CampaignChange change = create(newTitle, description, null, id, ids, null);
        copyLetter(id, change.campaign().id());
        campaigns.event(id, CampaignEvents.FOLLOW_UP_CREATED, userId(), null,
                json(Map.of("campaignId", change.campaign().id(), "days", days, "count", ids.size())));
        return change;
    }

    /**
     * Recounts the campaign's stored counters (dwellings, returns). For modules that change the status of
     * a campaign's dwellings (the owner portal when an owner answers); idempotent, reveals nothing.
     */
    @CanWrite
    public void recountReturns(long campaignId) {
        housings.refreshCounts(campaignId);
    }

    /** Recounts every campaign holding the dwelling (after its status changed outside campaigns). */
    @CanWrite
    public void recountCampaignsOf(long housingId) {
        jdbc.sql("select campaign_id from campaign_housing where housing_id = ?").param(housingId).query(Long.class).list()
                .forEach(housings::refreshCounts);
    }

    /**
     * The daily job's body (also callable directly): every campaign whose sending date has come moves its
     * *Non suivi* dwellings to *En attente de retour*, and the returns of sent campaigns are recounted
     * (statuses also change on the dwellings' pages).
     *
     * @return how many dwellings moved
     */
    @CanWrite
    public int applySendingDates() {
        LocalDate today = today();
        int moved = 0;
        for (long id : housings.dueCampaigns(today)) {
            String title = jdbc.sql("select title from campaign where id = ? for update").param(id).query(String.class).single();
            LocalDate date = jdbc.sql("select sending_date from campaign where id = ?").param(id).query(LocalDate.class).single();
            moved += sendIfDue(id, title, date, null);
        }
        for (long id : housings.sentCampaigns(today)) {
            housings.refreshCounts(id);
        }
        return moved;
    }

    /** Moves the *Non suivi* dwellings when the date has come; returns how many moved. */
    private int sendIfDue(long id, String title, LocalDate date, Long userId) {
        if (date == null || date.isAfter(today())) {
            return 0;
        }
        List<Long> moved = followUp.moveToWaiting(housings.notFollowed(id), title, userId);
        if (!moved.isEmpty()) {
            housings.markMoved(id, moved);
            campaigns.event(id, CampaignEvents.SENT, userId, null, json(HousingSets.housingsPayload(moved, moved.size())));
        }
        return moved.size();
    }

    private int revertLeftAlone(List<CampaignHousingRepository.Moved> moved, String reason, Long userId) {
        if (moved.isEmpty()) {
            return 0;
        }
        List<Long> alone = housings.inNoCampaign(moved.stream().map(CampaignHousingRepository.Moved::housingId).toList());
        var candidates = moved.stream().filter(m -> alone.contains(m.housingId())).toList();
        return followUp.revertToNotFollowed(candidates.stream().map(CampaignHousingRepository.Moved::housingId).toList(),
                candidates.stream().map(CampaignHousingRepository.Moved::at).toList(), reason, userId).size();
    }

    private void copyLetter(long fromCampaignId, long toCampaignId) {
        jdbc.sql("""
                insert into letter_settings (campaign_id, establishment_id, sender_name, sender_service, sender_address,
                       sender_email, sender_phone, logo1_key, logo2_key, signatory1_name, signatory1_role,
                       signatory1_image_key, signatory2_name, signatory2_role, signatory2_image_key, written_at,
                       written_on, subject, body_html, updated_by)
                select ?, establishment_id, sender_name, sender_service, sender_address, sender_email, sender_phone,
                       logo1_key, logo2_key, signatory1_name, signatory1_role, signatory1_image_key, signatory2_name,
                       signatory2_role, signatory2_image_key, written_at, written_on, subject, body_html, ?
                  from letter_settings where campaign_id = ?""")
                .params(toCampaignId, userId(), fromCampaignId).update();
    }

    private CampaignView lock(long id) {
        long establishmentId = establishment();
        if (!campaigns.lock(establishmentId, id)) {
            throw new CampaignNotFoundException();
        }
        return campaigns.find(establishmentId, id, today()).orElseThrow(CampaignNotFoundException::new);
    }

    static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    private long establishment() {
        return HousingSets.establishment(access.currentScope(), CampaignNotFoundException::new);
    }

    private Long userId() {
        return access.me().map(UserView::id).orElse(null);
    }

    private static String title(String title) {
        return HousingSets.required(title, TITLE_MAX, "title", "Le titre de la campagne", CampaignInputException::new);
    }

    private static String truncate(String title) {
        return title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) : title;
    }

    private static String description(String description) {
        return HousingSets.description(description, CampaignInputException::new);
    }

    /** A stored payload; a missing node for none, so that reading a field gives null. */
    private JsonNode payload(String stored) {
        return stored == null ? MissingNode.getInstance() : json.readTree(stored);
    }

    private String json(Object value) {
        return json.writeValueAsString(value);
    }
}
