package fr.zlv.perimeters;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A perimeter that does not exist or belongs to another establishment: the same answer for both. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PerimeterNotFoundException extends RuntimeException {

    public PerimeterNotFoundException() {
        super("Périmètre introuvable.");
    }
}
