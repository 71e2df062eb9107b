package fr.zlv.groups;

/**
 * The outcome of adding or removing dwellings.
 *
 * @param changed dwellings actually added (not already in the group) or removed
 */
public record GroupChange(GroupView group, int changed) {
}
