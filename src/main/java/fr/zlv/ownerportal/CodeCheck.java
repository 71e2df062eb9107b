package fr.zlv.ownerportal;

/** The outcome of a typed code: the same {@link Refused} for an unknown, expired or malformed code. */
public sealed interface CodeCheck {

    record Granted(PortalTarget target) implements CodeCheck {
    }

    record Refused() implements CodeCheck {
    }

    record TooManyAttempts() implements CodeCheck {
    }
}
