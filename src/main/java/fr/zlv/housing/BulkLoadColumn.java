package fr.zlv.housing;

/**
 * A column of {@code housing} that another module derives from the dwelling (the priority score…), filled in
 * the same insert when a bulk load creates dwellings: otherwise every new dwelling of a national load would be
 * written twice, the second time leaving a table twice its size for the index builds that follow. Dwellings
 * that already existed are the contributor's business (it recomputes them on {@code LovacImported}).
 * <p>
 * The insert reads the new dwellings as {@code h}: a relation with the dwelling's id, the file's data columns,
 * the copied primary-owner columns (V28), {@code last_lovac_year} and {@code energy_label} (null), as they are
 * about to be inserted.
 */
public interface BulkLoadColumn {

    /** The housing column this contributor fills. */
    String column();

    /**
     * The joins the value needs, on {@code h} (left joins or laterals, one row per dwelling), written after it in
     * the insert's {@code from}; their aliases must not be {@code h}, {@code d}, {@code s} or {@code c}. May read
     * any table.
     */
    String joins();

    /** The value: an SQL expression over {@code h} and the joins. */
    String value();
}
