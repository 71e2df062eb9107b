package fr.zlv.housing;

import java.time.LocalDate;
import java.util.List;

/**
 * One owner of a dwelling as a source file gives it, ready to be merged.
 *
 * @param key           stable identity: département + ff_idpersonne, or a fallback built from name and address
 * @param rank          1 primary, 2–6 secondary (position in the file)
 * @param kindCode      particulier, sci-copro, promoteur, etat-collectivite, bailleur-social, autres
 * @param propertyRight proprietaire-entier, usufruitier, nu-proprietaire, administrateur, syndic, associe-sci-ir, autre
 */
public record BulkOwner(String key, int rank, String idpersonne, String fullName, String administrator,
                        LocalDate birthDate, List<String> addressLines, String siren, String kindCode,
                        String entity, String legalGroup, String propertyRight, String ownerAccountId,
                        String propertyRightId, String locprop) {
}
