package fr.zlv.targeting;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dwelling as the API's {@code GET /api/v1/housings/{id}} gives it: its characteristics and the
 * ranks of its owners (the owners' personal data is on the housing page, which audits its viewing).
 */
public record HousingDetail(long id, String localId, String invariant, String geoCode, String communeCode,
                            String communeName, String plotId, String cadastralReference, String buildingId,
                            List<String> address, Double longitude, Double latitude, String kind, Integer rooms,
                            BigDecimal livingArea, Integer buildingYear, Integer cadastralClassification,
                            String condominium, Boolean taxed, Integer vacancyStartYear, String occupancy,
                            String occupancyIntended, int status, String subStatus, List<String> precisions,
                            String energyLabel, String mutationType, java.time.LocalDate mutationDate,
                            Integer beneficiaryCount, List<String> dataFileYears, Integer score, int version,
                            List<Owner> owners) {

    /** An owner of the dwelling: rank 1 primary, 2–6 secondary, 0 and below former or set aside. */
    public record Owner(long id, int rank, String fullName, String kind, String propertyRight) {
    }
}
