package fr.zlv.territory;

import java.math.BigDecimal;

/**
 * The tax on vacant dwellings that applies to a commune or arrondissement.
 *
 * @param code        the code the tax is listed under (an arrondissement for Paris, Lyon, Marseille)
 * @param communeCode the commune it belongs to
 * @param taxKind     {@code TLV} (CGI art. 232) or {@code THLV} (CGI art. 1407 bis), as published
 * @param ratePercent the THLV rate when known
 */
public record VacancyTax(String code, String communeCode, String taxKind, BigDecimal ratePercent) {
}
