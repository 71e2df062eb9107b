package fr.zlv.territory;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a load of the reference data did, per file. A re-load of the same files reports only
 * unchanged (and skipped) rows.
 *
 * @param source     "classpath" or the folder loaded
 * @param durationMs wall time of the load
 */
public record ReferenceLoadReport(String source, long durationMs, List<FileReport> files) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ReferenceLoadReport {
        files = List.copyOf(files);
    }

    /**
     * @param read      data lines read (the header excluded; GeoJSON: features)
     * @param skipped   rows whose code is unknown to the other lists (different years), not loaded
     * @param deleted   rows of the database no longer in the file
     */
    public record FileReport(String file, int read, int inserted, int updated, int unchanged, int skipped, int deleted) {
    }

    public FileReport file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No report for " + name));
    }

    /** True when the load inserted, updated or deleted anything. */
    public boolean changedAnything() {
        return files.stream().anyMatch(f -> f.inserted() + f.updated() + f.deleted() > 0);
    }

    /** One JSON line, the last stdout line of {@code reference load}. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
