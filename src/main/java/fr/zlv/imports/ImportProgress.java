package fr.zlv.imports;

/**
 * Where a running import is.
 *
 * @param phase       French name of the current step ("lecture du fichier", "fusion : logements"…)
 * @param rows        rows read so far
 * @param rowsPerSecond reading speed
 * @param percent     0–100, from the bytes read (the merge steps come after 100 % of reading)
 */
public record ImportProgress(String phase, long rows, long rowsPerSecond, int percent) {
}
