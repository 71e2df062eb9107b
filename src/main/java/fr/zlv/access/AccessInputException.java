package fr.zlv.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Refused input of a user or an admin: the message is French, names the field and is shown as is;
 * nothing was changed.
 *
 * @see #field()
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class AccessInputException extends RuntimeException {

    private final String field;

    public AccessInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault (its input name), or null when the whole request is refused. */
    public String field() {
        return field;
    }
}
