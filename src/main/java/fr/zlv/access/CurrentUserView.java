package fr.zlv.access;

import java.util.List;

/**
 * The signed-in user as the page layout shows it (header, establishment switcher). The model
 * attribute {@code currentUser} holds one, or null when anonymous.
 *
 * @param role USUAL, ADMIN or VISITOR
 */
public record CurrentUserView(String email, String displayName, String role, boolean admin,
                              List<MembershipView> memberships, Long activeEstablishmentId,
                              String activeEstablishmentName) {
}
