package fr.zlv.ownerportal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.housing.OwnerAnswerFollowUp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer form's rules and the plain words of the blockers, without the product running. */
class AnswerFormTests {

    @Test
    void everyBlockerIsABlockerPrecisionOfTheFollowUpCatalogue() {
        var codes = AnswerChoices.BLOCKERS.stream().flatMap(g -> g.choices().stream()).map(AnswerChoices.Choice::code).toList();
        assertThat(codes).hasSize(21).doesNotHaveDuplicates().allMatch(OwnerAnswerFollowUp::isBlocker);
    }

    @Test
    void aStillVacantDwellingNeedsAnIntentionAndANoLongerVacantOneItsUse() {
        assertThat(form("oui", null, null, null, null, false).errors()).containsOnlyKeys("intention");
        assertThat(form("non", null, null, null, null, false).errors()).containsOnlyKeys("usage");
        assertThat(form(null, null, null, null, null, false).errors()).containsKey("vacant");
        assertThat(form("oui", null, "ne-sait-pas", null, null, false).errors()).isEmpty();
        assertThat(form("non", "vendu", null, null, null, false).errors()).isEmpty();
    }

    @Test
    void contactDetailsNeedConsentAndAValidShape() {
        assertThat(form("oui", null, "louer", "06 12 34 56 78", null, false).errors()).containsOnlyKeys("consentement");
        assertThat(form("oui", null, "louer", "+33 6 12 34 56 78", "nom@domaine.fr", true).errors()).isEmpty();
        assertThat(form("oui", null, "louer", "appelez-moi", null, true).errors()).containsOnlyKeys("telephone");
        assertThat(form("oui", null, "louer", null, "nom@domaine", true).errors()).containsOnlyKeys("courriel");
        // a consent without any contact detail is not stored
        assertThat(form("oui", null, "louer", null, null, true).cleaned().consent()).isFalse();
    }

    @Test
    void unknownChoicesAndLongCommentsAreRefused() {
        var tampered = new AnswerForm("oui", "loue", "acheter", List.of("dispositifs-incitatifs/autre"), null, null, false, null);
        assertThat(tampered.errors()).containsOnlyKeys("intention", "blocages");
        var longComment = new AnswerForm("oui", null, "louer", List.of(), null, null, false, "é".repeat(1001));
        assertThat(longComment.errors()).containsOnlyKeys("commentaire");
        // the current use of a still vacant dwelling is dropped
        assertThat(new AnswerForm("oui", "loue", "louer", List.of(), null, null, false, null).cleaned().currentUse()).isNull();
    }

    @Test
    void theEventSentenceNeverCarriesContactDetails() {
        String sentence = AnswerChoices.summary(false, "loue", null, List.of("tiers-en-cause/copropriete-en-desaccord"), true);
        assertThat(sentence).isEqualTo("Réponse du propriétaire en ligne : logement plus vacant (il est loué) ; difficultés : "
                + "la copropriété n'est pas d'accord ; souhaite être recontacté. Sortie de la vacance proposée, à confirmer par un agent.");
    }

    private static AnswerForm form(String vacant, String use, String intention, String phone, String email, boolean consent) {
        return new AnswerForm(vacant, use, intention, List.of(), phone, email, consent, null);
    }
}
