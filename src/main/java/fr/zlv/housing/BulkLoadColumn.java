package fr.zlv.housing;

/**
 * A column of {@code housing} that another module derives from the dwelling (the priority score…), filled in
 * the same insert when a bulk load creates dwellings: otherwise every new dwelling of a national load would be
 * written twice, the second time leaving a table twice its size for the index builds that follow. Dwellings
 * that already existed are the contributor's business (it recomputes them on {@code LovacImported}).
 */
public interface BulkLoadColumn {

    /** The housing column this contributor fills. */
    String column();

    /**
     * A query of {@code (id, value)} for the dwellings of {@code newDwellings}: an SQL relation with the
     * dwelling's id, the file's data columns, the copied primary-owner columns (V28), {@code last_lovac_year}
     * and {@code energy_label} (null), as they are about to be inserted. It may read any other table.
     */
    String valuesOf(String newDwellings);
}
