package fr.zlv.groups;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Bad input for a group, with a French message naming the field. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class GroupInputException extends IllegalArgumentException {

    private final String field;

    public GroupInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
