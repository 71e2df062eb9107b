package fr.zlv.housing;

import fr.zlv.housing.followup.FollowUpCatalogue;
import fr.zlv.housing.followup.FollowUpService;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.CanWrite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an owner's online answer does to the dwelling (issue 5, item 8): an {@code owner-answer} event,
 * the blockers and the intention added to its precisions, and *En attente de retour* moved to *Premier
 * contact / Intérêt potentiel / En réflexion*. Other statuses are left as agents set them; an exit from
 * vacancy is only ever proposed, an agent confirms it through {@link HousingFollowUpManagement}.
 * Called as the system by the owner portal (the owner has no account).
 */
@Service
public class OwnerAnswerFollowUp {

    static final String EVENT_KIND = "owner-answer";
    static final String CONSENT_WITHDRAWN_KIND = "owner-consent-withdrawn";
    static final String FIRST_CONTACT_SUB_STATUS = FollowUpCatalogue.slug("Intérêt potentiel / En réflexion");

    /** The evolution an intention announces (DOMAIN.md §4); no entry: nothing to add. */
    private static final Map<String, String> EVOLUTION_OF_INTENTION = Map.of(
            "travaux", "travaux/a-venir",
            "vendre", "mutation/a-venir",
            "transmettre", "mutation/a-venir",
            "louer", "occupation/a-venir",
            "occuper", "occupation/a-venir");

    private static final Set<String> BLOCKER_CATEGORIES = Set.of(
            "blocage-involontaire", "blocage-volontaire", "immeuble-environnement", "tiers-en-cause");

    /**
     * The answer as the dwelling needs it.
     *
     * @param intention one of louer, vendre, occuper, travaux, transmettre, ne-sait-pas; null when not given
     * @param blockers  precision codes of the blocker categories
     * @param summary   the French sentence of the event (no contact details)
     */
    public record Answer(long answerId, long campaignId, boolean stillVacant, String currentUse, String intention,
                         List<String> blockers, String summary) {
    }

    /** What changed: whether the status moved (the campaign's returns then change). */
    public record Outcome(boolean statusChanged) {
    }

    private final JdbcClient jdbc;
    private final FollowUpService followUp;

    OwnerAnswerFollowUp(JdbcClient jdbc, FollowUpService followUp) {
        this.jdbc = jdbc;
        this.followUp = followUp;
    }

    /** Whether the code is a blocker precision of the follow-up catalogue (checked by the owner portal at start). */
    public static boolean isBlocker(String precisionCode) {
        return FollowUpCatalogue.precisionCategoryOf(precisionCode)
                .map(c -> BLOCKER_CATEGORIES.contains(c.code())).orElse(false);
    }

    /** Records the answer on the dwelling, under its row lock so that an agent's edit cannot interleave. */
    @CanWrite
    @Transactional
    public Outcome record(long housingId, Answer answer) {
        record Current(int status, List<String> precisions, int version) {
        }
        Current current = jdbc.sql("select status, precisions, version from housing where id = ? for update")
                .param(housingId)
                .query((rs, n) -> new Current(rs.getInt(1), rs.getArray(2) == null ? List.of()
                        : List.of((String[]) rs.getArray(2).getArray()), rs.getInt(3)))
                .optional().orElseThrow(() -> new HousingNotFoundException("Logement introuvable."));
        jdbc.sql("""
                insert into event (housing_id, kind, created_by, new_value, message)
                values (?, ?, null, jsonb_build_object('answerId', ?::bigint, 'campaignId', ?::bigint, 'stillVacant', ?::boolean,
                        'currentUse', ?::text, 'intention', ?::text, 'blockers', to_jsonb(?::text[])), ?)""")
                .params(housingId, EVENT_KIND, answer.answerId(), answer.campaignId(), answer.stillVacant(),
                        answer.currentUse(), answer.intention(), answer.blockers().toArray(String[]::new), answer.summary())
                .update();
        List<String> precisions = precisions(current.precisions(), answer);
        Integer status = current.status() == 1 ? Integer.valueOf(2) : null;
        FollowUpChange change = new FollowUpChange(status, status == null ? null : FIRST_CONTACT_SUB_STATUS,
                precisions.equals(current.precisions()) ? null : precisions, null, null, null);
        if (!change.isEmpty()) {
            followUp.update(TerritoryScope.ofSystem(), housingId, current.version(), change);
        }
        return new Outcome(status != null);
    }

    /** The owner withdrew online the consent to be contacted: said in the dwelling's history, without any detail. */
    @CanWrite
    @Transactional
    public void recordConsentWithdrawal(long housingId, long campaignId) {
        jdbc.sql("""
                insert into event (housing_id, kind, created_by, new_value, message)
                values (?, ?, null, jsonb_build_object('campaignId', ?::bigint), ?)""")
                .params(housingId, CONSENT_WITHDRAWN_KIND, campaignId,
                        "Le propriétaire a retiré en ligne son consentement à être recontacté : les coordonnées "
                                + "qu'il avait données ont été effacées.")
                .update();
    }

    /** The current precisions plus the blockers, and the intention's evolution unless one of its kind is already set. */
    static List<String> precisions(List<String> current, Answer answer) {
        Set<String> next = new LinkedHashSet<>(current);
        for (String blocker : answer.blockers()) {
            if (isBlocker(blocker)) {
                next.add(blocker);
            }
        }
        String evolution = answer.stillVacant() && answer.intention() != null
                ? EVOLUTION_OF_INTENTION.get(answer.intention()) : null;
        if (evolution != null) {
            String category = evolution.substring(0, evolution.indexOf('/') + 1);
            if (current.stream().noneMatch(p -> p.startsWith(category))) {
                next.add(evolution);
            }
        }
        return new ArrayList<>(next);
    }
}
