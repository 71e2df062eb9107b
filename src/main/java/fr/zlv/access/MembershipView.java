package fr.zlv.access;

/** One establishment a user works for, as the establishment switcher lists it. */
public record MembershipView(long id, String name) {
}
