package fr.zlv.devdata.lovac;

/**
 * What a generated file holds.
 *
 * @param dwellings  distinct dwellings written
 * @param lines      data lines written (dwellings plus injected duplicates)
 * @param dirtyLines lines carrying a defect
 */
public record GenerationResult(long dwellings, long lines, long dirtyLines) {
}
