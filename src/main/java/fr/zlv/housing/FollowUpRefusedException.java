package fr.zlv.housing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A follow-up change that breaks a rule or names an unknown value; the message says which field, in French. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class FollowUpRefusedException extends RuntimeException {

    public FollowUpRefusedException(String message) {
        super(message);
    }
}
