package fr.zlv.housing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A dwelling (or note, document, owner) that does not exist or lies outside the caller's scope: both look the same. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class HousingNotFoundException extends RuntimeException {

    public HousingNotFoundException(String message) {
        super(message);
    }
}
