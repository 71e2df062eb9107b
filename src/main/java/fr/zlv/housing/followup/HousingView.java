package fr.zlv.housing.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A dwelling as its page shows it: characteristics, building, location, source files and follow-up.
 *
 * @param subStatus the stored label of the sub-status
 */
public record HousingView(long id, String localId, String invariant, String geoCode, String communeCode,
                          String communeName, String plotId, String cadastralReference, String buildingLocation,
                          List<String> address, Double longitude, Double latitude, String geolocationSource,
                          String kind, Integer rooms, BigDecimal livingArea, Integer buildingYear, Integer plotArea,
                          Integer cadastralClassification, Boolean uncomfortable, String condominium, Boolean taxed,
                          Integer rentalValue, Integer vacancyStartYear, String occupancy, String occupancyIntended,
                          int status, String subStatus, List<String> precisions, String energyLabel,
                          LocalDate energyLabelDate, String mutationType, LocalDate mutationDate,
                          BigDecimal mutationValue, Integer beneficiaryCount, List<String> dataFileYears,
                          boolean userModified, int version, Building building) {

    /** The building of the dwelling, when the source gave one. */
    public record Building(String id, Integer housingCount, Integer vacantHousingCount, String energyLabel) {
    }

    public String addressLine() {
        return address.isEmpty() ? localId : String.join(" ", address);
    }

    public String statusLabel() {
        return FollowUpCatalogue.statusLabel(status);
    }

    public String occupancyLabel() {
        return FollowUpCatalogue.occupancyLabel(occupancy);
    }

    public String occupancyIntendedLabel() {
        return occupancyIntended == null ? "—" : FollowUpCatalogue.occupancyLabel(occupancyIntended);
    }

    public String subStatusCode() {
        return subStatus == null ? "" : FollowUpCatalogue.anySubStatus(subStatus).map(FollowUpCatalogue.Choice::code).orElse(subStatus);
    }

    public List<String> precisionLabels() {
        return precisions.stream().map(FollowUpCatalogue::precisionLabel).toList();
    }

    public String kindLabel() {
        return kind == null ? null : switch (kind) {
            case "APPART" -> "Appartement";
            case "MAISON" -> "Maison";
            default -> kind;
        };
    }
}
