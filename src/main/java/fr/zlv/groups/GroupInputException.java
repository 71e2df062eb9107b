package fr.zlv.groups;

import fr.zlv.shared.FieldInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Bad input for a group, with a French message naming the field. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class GroupInputException extends FieldInputException {

    public GroupInputException(String field, String message) {
        super(field, message);
    }
}
