package fr.zlv.ownerportal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The latest answer given with one access code, as the campaign's agents see it. Contact details are
 * personal data: every read of a list of answers is written to the personal-data audit log.
 *
 * @param currentUse     when no longer vacant: loue, occupe, residence-secondaire, vendu, autre
 * @param intention      louer, vendre, occuper, travaux, transmettre, ne-sait-pas
 * @param blockers       precision codes "category/slug" of the follow-up catalogue
 * @param proposedExit   the owner says the dwelling is no longer vacant: an agent may confirm the exit
 * @param answerCount    answers given with this code (all are kept; this is the latest)
 * @param consentWithdrawnAt when the owner withdrew the consent to be contacted (phone and e-mail then erased);
 *                           null when never withdrawn, or when a later answer gave a new consent
 * @param consentWithdrawal  « Consentement retiré le JJ/MM/AAAA », shown instead of the contact details
 * @param housingVersion the dwelling's version, to send back when confirming the exit (optimistic locking)
 */
public record AnswerView(long id, long accessCodeId, long housingId, String address, OffsetDateTime createdAt,
                         boolean stillVacant, String currentUse, String currentUseLabel, String intention,
                         String intentionLabel, List<String> blockers, List<String> blockerLabels, String phone,
                         String email, boolean consent, OffsetDateTime consentWithdrawnAt, String consentWithdrawal,
                         String comment, boolean proposedExit,
                         OffsetDateTime exitConfirmedAt, int answerCount, int housingStatus, int housingVersion) {

    /** The button « Confirmer la sortie de la vacance » is offered. */
    public boolean exitToConfirm() {
        return proposedExit && exitConfirmedAt == null && housingStatus != 4;
    }
}
