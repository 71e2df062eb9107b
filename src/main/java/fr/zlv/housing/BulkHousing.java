package fr.zlv.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One dwelling of a source file, parsed and selected, with its owners. Codes stay text.
 *
 * @param lineNumber  physical line of the file where the row starts (ties between duplicates: first wins)
 * @param geoCode     the code of the file (may be an arrondissement of Paris, Lyon, Marseille)
 * @param communeCode the commune it resolves to: territory membership
 */
public record BulkHousing(long lineNumber, String localId, String invariant, String geoCode, String communeCode,
                          String departement, String plotId, String cadastralReference, String buildingId,
                          String buildingLocation, List<String> addressLines, Double longitude, Double latitude,
                          String geolocationSource, String kind, Integer rooms, BigDecimal livingArea,
                          Integer buildingYear, Integer plotArea, Integer cadastralClassification,
                          Boolean uncomfortable, String condominium, Boolean taxed, Integer rentalValue,
                          Integer vacancyStartYear, String mutationType, LocalDate mutationDate,
                          BigDecimal mutationValue, Integer beneficiaryCount, List<BulkOwner> owners) {
}
