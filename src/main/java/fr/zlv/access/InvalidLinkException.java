package fr.zlv.access;

/** An invitation or password-reset link that is unknown, expired or already used: nothing changes. */
public class InvalidLinkException extends AccessInputException {

    public InvalidLinkException(String message) {
        super(null, message);
    }
}
