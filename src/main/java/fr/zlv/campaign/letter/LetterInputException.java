package fr.zlv.campaign.letter;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Refused letter input, with a French message for the agent; nothing was changed. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class LetterInputException extends RuntimeException {

    public LetterInputException(String message) {
        super(message);
    }
}
