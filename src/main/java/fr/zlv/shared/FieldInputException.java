package fr.zlv.shared;

/**
 * Refused input: a French message shown as is, naming the field at fault; nothing was changed. Each
 * module throws its own subclass (answered as a 400), so that its pages catch only their own refusals.
 */
public abstract class FieldInputException extends IllegalArgumentException {

    private final String field;

    protected FieldInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input at fault: its name in the form or in the JSON body. */
    public String field() {
        return field;
    }
}
