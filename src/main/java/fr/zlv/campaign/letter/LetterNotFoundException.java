package fr.zlv.campaign.letter;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A campaign that does not exist or belongs to another establishment: the same answer for both. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LetterNotFoundException extends RuntimeException {

    public LetterNotFoundException() {
        super("Campagne introuvable.");
    }
}
