package fr.zlv.territory;

/** Refused establishment input (the message is French and names the field); nothing was changed. */
public class InvalidEstablishmentException extends IllegalArgumentException {

    public InvalidEstablishmentException(String message) {
        super(message);
    }
}
