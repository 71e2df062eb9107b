package fr.zlv.housing.followup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A document above 25 MiB. Nothing is kept. */
@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
public class DocumentTooLargeException extends RuntimeException {

    public DocumentTooLargeException(String message) {
        super(message);
    }
}
