package fr.zlv.access;

/** A valid (unused, unexpired) invitation, as the account-creation page shows it. */
public record InvitationView(String email, String establishmentName, Role role) {
}
