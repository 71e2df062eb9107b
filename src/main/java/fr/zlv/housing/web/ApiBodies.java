package fr.zlv.housing.web;

import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.FollowUpRefusedException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request bodies of the follow-up API (JSON). */
final class ApiBodies {

    private ApiBodies() {
    }

    @Schema(description = "Changement du suivi d'un logement. Un champ absent ou null est laissé tel quel ; "
            + "une chaîne vide efface subStatus ou occupancyIntended ; precisions remplace toute la liste.")
    record HousingUpdate(
            @Schema(description = "Statut : 0 Non suivi, 1 En attente de retour, 2 Premier contact, 3 Suivi en cours, "
                    + "4 Suivi terminé, 5 Suivi bloqué. Un logement sorti de « Non suivi » n'y revient pas.") Integer status,
            @Schema(description = "Code stable d'un sous-statut du statut (voir GET /api/v1/housings/follow-up-codes)") String subStatus,
            @Schema(description = "Codes stables « catégorie/précision »") List<String> precisions,
            @Schema(description = "V, L, B, RS, P, N, T, D, A ou inconnu") String occupancy,
            @Schema(description = "Occupation prévisionnelle, mêmes codes") String occupancyIntended,
            @Schema(description = "La version lue (GET /api/v1/housings/{id}) : 409 si le logement a changé depuis",
                    requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
            @Schema(description = "Une note à ajouter en même temps") String note) {

        FollowUpChange change() {
            return new FollowUpChange(status, subStatus, precisions, occupancy, occupancyIntended, note);
        }

        int requiredVersion() {
            if (version == null) {
                throw new FollowUpRefusedException("Le champ « version » est obligatoire : la version du logement lue avant de le modifier.");
            }
            return version;
        }
    }

    @Schema(description = "Modification groupée : les logements choisis (identifiants internes ; pour « tous ceux du filtre "
            + "sauf… », résoudre la liste avec la liste filtrée) et les changements, appliqués à tous ou à aucun.")
    record BulkUpdate(
            @Schema(description = "Identifiants internes des logements", requiredMode = Schema.RequiredMode.REQUIRED) List<Long> ids,
            Integer status, String subStatus, List<String> precisions, String occupancy, String occupancyIntended,
            @Schema(description = "Une note ajoutée à chaque logement") String note) {

        FollowUpChange change() {
            return new FollowUpChange(status, subStatus, precisions, occupancy, occupancyIntended, note);
        }
    }

    /** Lists are answered as {"items": [...]}, like the rest of the API. */
    record Items<T>(List<T> items) {
    }

    record BulkResult(int selected, int changed) {
    }

    @Schema(description = "Texte d'une note")
    record NoteBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String content) {
    }

    @Schema(description = "Rang du propriétaire sur ce logement : 1 principal, 2 à 6 secondaires, 0 ancien, -1 incorrect, "
            + "-2 en attente, -3 décédé")
    record RankBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer rank) {
    }

    @Schema(description = "Coordonnées d'un propriétaire : un champ absent est laissé tel quel, une chaîne vide l'efface")
    record OwnerBody(String email, String phone, String additionalAddress,
                     @Schema(description = "Ne pas contacter") Boolean doNotContact) {
    }

    record Codes(List<fr.zlv.housing.followup.FollowUpCatalogue.Status> statuses,
                 List<fr.zlv.housing.followup.FollowUpCatalogue.PrecisionCategory> precisionCategories,
                 List<fr.zlv.housing.followup.FollowUpCatalogue.Choice> occupancies) {
    }
}
