package fr.zlv.targeting;

import java.util.List;

/**
 * Rows chosen on the list: explicit ids, or every dwelling matching the filter except some ids.
 *
 * @param allMatching true for "all matching except {@code ids}", false for "exactly {@code ids}"
 */
public record HousingSelection(boolean allMatching, List<Long> ids) {

    public HousingSelection {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static HousingSelection of(List<Long> ids) {
        return new HousingSelection(false, ids);
    }

    public static HousingSelection allExcept(List<Long> ids) {
        return new HousingSelection(true, ids);
    }
}
