package fr.zlv.targeting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the housing list.
 *
 * @param address   the DGFiP address lines joined
 * @param ownerName the primary owner's name, null when the dwelling has none
 * @param score     the priority score (0–100), null until computed
 */
public record HousingListItem(long id, String localId, String address, String communeCode, String communeName,
                              String kind, BigDecimal livingArea, Integer rooms, Integer vacancyStartYear, int status,
                              String subStatus, String occupancy, Integer score, Long ownerId, String ownerName,
                              List<String> dataFileYears) {

    public String statusLabel() {
        return FollowUpCatalogue.statusLabel(status);
    }

    public String kindLabel() {
        return kind == null ? null : FilterField.HOUSING_KINDS.labelOf(kind);
    }

    public String occupancyLabel() {
        return occupancy == null ? null : FilterField.OCCUPANCIES.labelOf(occupancy);
    }
}
