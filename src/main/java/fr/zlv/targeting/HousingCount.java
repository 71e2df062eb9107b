package fr.zlv.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Totals of a filtered set.
 *
 * @param owners   distinct primary owners (rank 1) of these dwellings: the people a campaign writes to
 * @param byStatus dwellings per status code ("0"…"5", every code present), only when asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HousingCount(long housings, long owners, Map<String, Long> byStatus) {
}
