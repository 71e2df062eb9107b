package fr.zlv.groups;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A group that does not exist, or belongs to another establishment: the same answer for both. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class GroupNotFoundException extends RuntimeException {

    public GroupNotFoundException() {
        super("Groupe introuvable.");
    }
}
