package fr.zlv.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.error.ErrorAttributeOptions.Include;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What Boot's error controller hands to the error pages (templates/error/*.html) and to JSON
 * clients. Every error gets an id; a server fault is logged with it (and its stack trace), so a
 * user quoting the id on the 500 page leads straight to the cause. API clients get only
 * {@code {"error": "...", "id": "..."}}; nobody gets a stack trace or an exception message.
 */
@Component
class ZlvErrorAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ZlvErrorAttributes.class);
    static final String ERROR_ID = ZlvErrorAttributes.class.getName() + ".id";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        // never the exception, its message, its stack trace or binding details, whatever the caller asks
        Map<String, Object> attributes = super.getErrorAttributes(request,
                ErrorAttributeOptions.of(Include.STATUS, Include.ERROR, Include.PATH));
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String path = String.valueOf(attributes.getOrDefault("path", ""));
        String id = errorId(request, status, path);
        String message = ErrorMessages.of(status);
        if (ErrorIds.isApi(path)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("id", id);
            return body;
        }
        attributes.put("error", message);
        attributes.put("id", id);
        return attributes;
    }

    /** One id per failed request, even when the error controller asks twice (content negotiation). */
    private String errorId(WebRequest request, int status, String path) {
        Object known = request.getAttribute(ERROR_ID, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof String id) {
            return id;
        }
        String id = ErrorIds.next();
        request.setAttribute(ERROR_ID, id, RequestAttributes.SCOPE_REQUEST);
        Throwable error = getError(request);
        // 503: data locked by a long writer (ApiErrorAdvice), expected during a national load, not a fault
        if (status >= 500 && status != 503) {
            log.error("Erreur {} : {} sur {}", id, status, path, error);
        } else {
            log.info("Erreur {} : {} sur {}", id, status, path);
        }
        return id;
    }
}
