package fr.zlv.targeting;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A query parameter or value of the housing list that does not exist; the message names it, in French. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidFilterException extends IllegalArgumentException {

    public InvalidFilterException(String message) {
        super(message);
    }
}
