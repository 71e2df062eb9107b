package fr.zlv.ownerportal;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.campaign.CampaignManagement;
import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.HousingFollowUpManagement;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owners' answers of a campaign for its establishment's agents: the latest answer per code, and
 * the confirmation of an exit from vacancy that an owner proposed (never applied without an agent).
 * Campaigns are private to their establishment (DOMAIN.md §8): another one's campaign is a 404.
 */
@Service
public class CampaignAnswers {

    public static final int PER_PAGE = 50;

    static final String SUB_STATUS_EXIT = "sortie-de-la-vacance";
    static final String AUDIT_ACTION = "view-owner-answers";

    /** The occupancy an agent's confirmation records, from what the owner said (null: left as it is). */
    private static final Map<String, String> OCCUPANCY_OF_USE = Map.of(
            "loue", "L", "occupe", "P", "residence-secondaire", "RS", "autre", "A");

    private final AccessManagement access;
    private final CampaignManagement campaigns;
    private final HousingFollowUpManagement housing;
    private final OwnerAnswerRepository answers;
    private final JdbcClient jdbc;

    CampaignAnswers(AccessManagement access, CampaignManagement campaigns, HousingFollowUpManagement housing,
                    OwnerAnswerRepository answers, JdbcClient jdbc) {
        this.access = access;
        this.campaigns = campaigns;
        this.housing = housing;
        this.answers = answers;
        this.jdbc = jdbc;
    }

    /** A page (from 1) of the latest answers per code; reading contact details is written to the audit log. */
    @AnyRole
    @Transactional
    public AnswersPage list(long campaignId, int page) {
        TerritoryScope scope = access.currentScope();
        String title = campaignTitle(campaignId);
        int total = answers.countLatest(scope, campaignId);
        int pages = Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        int current = Math.min(Math.max(1, page), pages);
        var items = answers.latest(scope, campaignId, PER_PAGE, (current - 1) * PER_PAGE);
        if (!items.isEmpty()) {
            audit(scope, campaignId);
        }
        return new AnswersPage(campaignId, title, current, PER_PAGE, total, items);
    }

    /**
     * Moves the dwelling of the answer to *Suivi terminé / Sortie de la vacance* (with the occupancy the
     * owner gave), if nobody changed it since {@code version} was read; marks the proposal confirmed.
     */
    @CanWrite
    @Transactional
    public AnswerView confirmExit(long campaignId, long answerId, Integer version) {
        TerritoryScope scope = access.currentScope();
        campaignTitle(campaignId);
        AnswerView answer = answers.latestOf(scope, campaignId, answerId)
                .orElseThrow(() -> new CampaignAnswersNotFoundException("Réponse introuvable."));
        if (!answer.proposedExit()) {
            throw new IllegalArgumentException("Le propriétaire n'a pas indiqué que le logement n'est plus vacant : "
                    + "il n'y a pas de sortie de la vacance à confirmer.");
        }
        if (version == null) {
            throw new IllegalArgumentException("Le champ « version » est obligatoire : la version du logement lue avec la réponse "
                    + "(« housingVersion »).");
        }
        if (answer.exitConfirmedAt() != null) {
            throw new IllegalArgumentException("La sortie de la vacance de ce logement est déjà confirmée.");
        }
        housing.update(scope, answer.housingId(), version, new FollowUpChange(4, SUB_STATUS_EXIT, null,
                OCCUPANCY_OF_USE.get(answer.currentUse()), null, null));
        answers.exitConfirmed(answer.accessCodeId(), userId());
        campaigns.recountCampaignsOf(answer.housingId());
        return answers.latestOf(scope, campaignId, answerId).orElseThrow();
    }

    /** The campaign module's own rule: a campaign of another establishment is a 404. */
    private String campaignTitle(long campaignId) {
        return campaigns.get(campaignId).title();
    }

    /** Same log as the dwelling page's owners (access module's table, V4). */
    private void audit(TerritoryScope scope, long campaignId) {
        if (scope.systemScope()) {
            return;
        }
        jdbc.sql("""
                insert into personal_data_access (user_id, establishment_id, action, subject_kind, subject_id)
                values (?, ?, ?, 'campaign', ?)""")
                .params(userId(), scope.establishmentId(), AUDIT_ACTION, String.valueOf(campaignId)).update();
    }

    private Long userId() {
        return access.me().map(UserView::id).orElse(null);
    }
}
