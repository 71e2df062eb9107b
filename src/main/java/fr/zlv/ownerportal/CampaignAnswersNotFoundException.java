package fr.zlv.ownerportal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A campaign (or an answer) that does not exist or belongs to another establishment: the same 404 for both. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CampaignAnswersNotFoundException extends RuntimeException {

    public CampaignAnswersNotFoundException(String message) {
        super(message);
    }
}
