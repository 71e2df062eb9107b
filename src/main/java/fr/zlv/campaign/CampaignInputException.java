package fr.zlv.campaign;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Bad input for a campaign, with a French message naming the field; nothing was changed. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class CampaignInputException extends IllegalArgumentException {

    private final String field;

    public CampaignInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
