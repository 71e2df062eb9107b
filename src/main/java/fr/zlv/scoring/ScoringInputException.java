package fr.zlv.scoring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Weights that cannot be used, with a French message naming the factor. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class ScoringInputException extends IllegalArgumentException {

    public ScoringInputException(String message) {
        super(message);
    }
}
