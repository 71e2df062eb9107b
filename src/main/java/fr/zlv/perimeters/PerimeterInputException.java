package fr.zlv.perimeters;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A perimeter file or form that cannot be used: a French message saying what is wrong; nothing is stored. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class PerimeterInputException extends IllegalArgumentException {

    public PerimeterInputException(String message) {
        super(message);
    }
}
