package fr.zlv.imports;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of one LOVAC import (serialised with exactly these keys). Figures add up:
 * {@code rowsRead = rowsSelected + Σ rowsSkipped + Σ rowsRejected} and
 * {@code rowsSelected - duplicatesDropped = housingsCreated + housingsUpdated + housingsUnchanged}.
 *
 * @param owners     distinct owners linked to the imported dwellings
 * @param ownerships links created or kept for them
 */
public record ImportReport(int millesime, long rowsRead, long rowsSelected, SortedMap<String, Long> rowsSkipped,
                           SortedMap<String, Long> rowsRejected, long duplicatesDropped, long housingsCreated,
                           long housingsUpdated, long housingsUnchanged, long exitsFromVacancy, long owners,
                           long ownerships, long invalidDates, long durationMs) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The same report, with the run's whole duration (a big load's indexes are built after its commit). */
    public ImportReport withDurationMs(long ms) {
        return new ImportReport(millesime, rowsRead, rowsSelected, rowsSkipped, rowsRejected, duplicatesDropped,
                housingsCreated, housingsUpdated, housingsUnchanged, exitsFromVacancy, owners, ownerships,
                invalidDates, ms);
    }

    public ImportReport {
        rowsSkipped = new TreeMap<>(rowsSkipped);
        rowsRejected = new TreeMap<>(rowsRejected);
    }

    public long totalSkipped() {
        return rowsSkipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalRejected() {
        return rowsRejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line of JSON with the keys of the issue, in their order. */
    public String toJson() {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("millesime", millesime);
        map.put("rowsRead", rowsRead);
        map.put("rowsSelected", rowsSelected);
        map.put("rowsSkipped", rowsSkipped);
        map.put("rowsRejected", rowsRejected);
        map.put("duplicatesDropped", duplicatesDropped);
        map.put("housingsCreated", housingsCreated);
        map.put("housingsUpdated", housingsUpdated);
        map.put("housingsUnchanged", housingsUnchanged);
        map.put("exitsFromVacancy", exitsFromVacancy);
        map.put("owners", owners);
        map.put("ownerships", ownerships);
        map.put("invalidDates", invalidDates);
        map.put("durationMs", durationMs);
        return JSON.writeValueAsString(map);
    }

    @SuppressWarnings("unchecked")
    static ImportReport fromJson(String json) {
        Map<String, Object> m = JSON.readValue(json, Map.class);
        return new ImportReport(num(m, "millesime").intValue(), num(m, "rowsRead"), num(m, "rowsSelected"),
                counts(m.get("rowsSkipped")), counts(m.get("rowsRejected")), num(m, "duplicatesDropped"),
                num(m, "housingsCreated"), num(m, "housingsUpdated"), num(m, "housingsUnchanged"),
                num(m, "exitsFromVacancy"), num(m, "owners"), num(m, "ownerships"), num(m, "invalidDates"),
                num(m, "durationMs"));
    }

    private static Long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? 0L : ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    private static SortedMap<String, Long> counts(Object value) {
        SortedMap<String, Long> out = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        }
        return out;
    }
}
