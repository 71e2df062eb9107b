package fr.zlv.ownerportal;

import fr.zlv.campaign.CampaignManagement;
import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.housing.OwnerAnswerFollowUp;
import fr.zlv.shared.security.PublicAccess;
import fr.zlv.shared.security.Roles;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of the answer page: a typed code opens the form (or not, the same way for an
 * unknown or an expired code), an answer is stored and applied to the dwelling, and the consent to be
 * contacted can be withdrawn (the contact details are then erased). The owner has no
 * account: the dwelling is changed as the system, limited to what {@link OwnerAnswerFollowUp} does.
 */
@Service
public class OwnerPortal {

    private final OwnerAccessCodes codes;
    private final CampaignManagement campaigns;
    private final OwnerAnswerFollowUp followUp;
    private final OwnerAnswerRepository answers;
    private final RateLimits limits;
    private final JdbcClient jdbc;

    OwnerPortal(OwnerAccessCodes codes, CampaignManagement campaigns, OwnerAnswerFollowUp followUp, OwnerAnswerRepository answers, RateLimits limits,
                JdbcClient jdbc) {
        this.codes = codes;
        this.campaigns = campaigns;
        this.followUp = followUp;
        this.answers = answers;
        this.limits = limits;
        this.jdbc = jdbc;
    }

    /**
     * Checks a typed code for a client address. Past {@link RateLimits#WRONG_CODES_PER_ADDRESS} wrong codes
     * in the window, every code is refused with {@link CodeCheck.TooManyAttempts}, valid ones included:
     * otherwise the limit would tell a guesser when it found one.
     */
    @PublicAccess
    public CodeCheck check(String typedCode, String clientAddress) {
        if (limits.tooManyWrongCodes(clientAddress)) {
            return new CodeCheck.TooManyAttempts();
        }
        var resolved = codes.resolve(typedCode);
        if (resolved.isEmpty()) {
            limits.wrongCode(clientAddress);
            return new CodeCheck.Refused();
        }
        var t = resolved.get();
        return new CodeCheck.Granted(new PortalTarget(t.codeId(), t.campaignId(), t.housingId(), t.ownerId(),
                t.establishmentId(), t.establishmentName(), t.housingAddress()));
    }

    /** The target of a code already checked (kept in the owner's session), while it has not expired. */
    @PublicAccess
    @Transactional(readOnly = true)
    public Optional<PortalTarget> target(long codeId) {
        return jdbc.sql("""
                select c.id, c.campaign_id, c.housing_id, c.owner_id, e.id as establishment_id, e.name as establishment_name,
                       concat_ws(', ', array_to_string(h.address_dgfip, ' '), cm.name) as address
                  from owner_access_code c
                  join campaign k on k.id = c.campaign_id
                  join establishment e on e.id = k.establishment_id
                  join housing h on h.id = c.housing_id
                  left join commune cm on cm.code = h.commune_code
                 where c.id = ? and c.expires_at > now()""")
                .param(codeId)
                .query((rs, n) -> new PortalTarget(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("housing_id"),
                        rs.getLong("owner_id"), rs.getLong("establishment_id"), rs.getString("establishment_name"),
                        rs.getString("address")))
                .optional();
    }

    /**
     * Stores the answer and applies it to the dwelling in one transaction. Refuses with French messages
     * when a field is wrong (nothing stored), and past {@link RateLimits#ANSWERS_PER_CODE} answers a day.
     */
    @PublicAccess
    @Transactional
    public SubmitOutcome submit(long codeId, AnswerForm typed) {
        var errors = typed.errors();
        if (!errors.isEmpty()) {
            return new SubmitOutcome.Invalid(errors);
        }
        PortalTarget target = target(codeId).orElse(null);
        if (target == null) {
            return new SubmitOutcome.Gone();
        }
        if (limits.tooManyAnswers(codeId)) {
            return new SubmitOutcome.TooManyAnswers();
        }
        AnswerForm form = typed.cleaned();
        long answerId = answers.insert(target, form);
        String summary = AnswerChoices.summary(form.vacant(), form.currentUse(), form.intention(), form.blockers(),
                form.contactGiven());
        var answer = new OwnerAnswerFollowUp.Answer(answerId, target.campaignId(), form.vacant(), form.currentUse(),
                form.intention(), form.blockers(), summary);
        var outcome = Roles.asSystem(() -> followUp.record(target.housingId(), answer));
        if (outcome.statusChanged()) {
            // every campaign holding the dwelling counts it as a return now
            Roles.asSystem(() -> {
                campaigns.recountCampaignsOf(target.housingId());
                return null;
            });
        }
        limits.answered(codeId);
        return new SubmitOutcome.Saved(answerId);
    }

    /** What the code's answers keep of the owner's consent, for the answer page. */
    @PublicAccess
    @Transactional(readOnly = true)
    public ConsentState consentState(long codeId) {
        return answers.consentState(codeId);
    }

    /**
     * Withdraws the owner's consent to be contacted: erases the phone and e-mail of every answer given with
     * the code and records when, keeping what the owner said about the dwelling. Withdrawing again changes
     * nothing; past {@link RateLimits#WITHDRAWALS_PER_CODE} a day, or with an expired code, nothing is done.
     */
    @PublicAccess
    @Transactional
    public WithdrawalOutcome withdrawConsent(long codeId) {
        PortalTarget target = target(codeId).orElse(null);
        if (target == null) {
            return new WithdrawalOutcome.Gone();
        }
        if (limits.tooManyWithdrawals(codeId)) {
            return new WithdrawalOutcome.TooManyWithdrawals();
        }
        limits.withdrew(codeId);
        if (answers.withdrawConsent(codeId)) {
            // agents following the dwelling learn it from its history (no detail: they are erased)
            Roles.asSystem(() -> {
                followUp.recordConsentWithdrawal(target.housingId(), target.campaignId());
                return null;
            });
        }
        return new WithdrawalOutcome.Withdrawn(answers.consentState(codeId).withdrawnAt());
    }
}
