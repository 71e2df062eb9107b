package fr.zlv.campaign;

import fr.zlv.shared.FieldInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Bad input for a campaign, with a French message naming the field; nothing was changed. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class CampaignInputException extends FieldInputException {

    public CampaignInputException(String field, String message) {
        super(field, message);
    }
}
