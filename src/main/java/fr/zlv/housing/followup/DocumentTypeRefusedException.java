package fr.zlv.housing.followup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A document whose content is not a PDF, an image or an office file, or does not match its extension. */
@ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
public class DocumentTypeRefusedException extends RuntimeException {

    public DocumentTypeRefusedException(String message) {
        super(message);
    }
}
