package fr.zlv.housing.followup;

/**
 * A change of an owner's contact data. A null field is left as it is; an empty text clears it.
 *
 * @param doNotContact the *ne pas contacter* flag
 */
public record OwnerChange(String email, String phone, String additionalAddress, Boolean doNotContact) {
}
