package fr.zlv.housing.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * An owner of a dwelling with its personal data (tax files): shown only to callers in scope, and every
 * read is in the personal-data audit log.
 *
 * @param rank 1 primary, 2–6 secondary, 0 previous, −1 incorrect, −2 awaiting, −3 deceased
 */
public record OwnerView(long id, int rank, String rankLabel, String fullName, String administrator, LocalDate birthDate,
                        Integer age, List<String> address, String additionalAddress, String email, String phone,
                        String siren, String kind, String kindLabel, String propertyRight, String propertyRightLabel,
                        String relativeLocation, String relativeLocationLabel, boolean doNotContact, boolean multiOwner) {

    public boolean active() {
        return rank >= 1;
    }
}
