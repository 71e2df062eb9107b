package fr.zlv.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of {@code /api/v1/**} as {@code {"error": "...", "id": "..."}} with a French message.
 * Page requests are not touched: the handler rethrows, which tells Spring MVC to go on as if it had
 * not matched, so pages end on the error views. Security exceptions are rethrown too: the security
 * chain answers 401/403 for the API. Controllers' own {@code @ExceptionHandler}s still win.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> handle(Exception exception, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        boolean api = ErrorIds.isApi(request.getRequestURI().substring(request.getContextPath().length()));
        boolean locked = isLockTimeout(exception);
        if (!api && locked) {
            // the page's data is locked by a long writer (a national LOVAC load): error/503.html says to retry
            log.info("Données verrouillées sur {} {} : {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return null;
        }
        if (!api || exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception;
        }
        // data locked by a long writer: expected during a national load, not a fault
        int status = locked ? HttpStatus.SERVICE_UNAVAILABLE.value() : statusOf(exception);
        String message = locked ? ErrorMessages.LOCKED : messageOf(exception, status);
        String id = ErrorIds.next();
        if (status >= 500 && !locked) {
            log.error("Erreur {} : {} sur {} {}", id, status, request.getMethod(), request.getRequestURI(), exception);
        } else {
            log.info("Erreur {} : {} sur {} {} : {}", id, status, request.getMethod(), request.getRequestURI(), message);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message, "id", id));
    }

    private static int statusOf(Exception exception) {
        if (exception instanceof ErrorResponse response) {
            return response.getStatusCode().value();
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(exception.getClass(), ResponseStatus.class);
        if (annotated != null) {
            return annotated.code().value();
        }
        if (exception instanceof IllegalArgumentException || exception instanceof BindException
                || exception instanceof TypeMismatchException || exception instanceof HttpMessageNotReadableException) {
            return HttpStatus.BAD_REQUEST.value();
        }
        if (exception instanceof java.util.NoSuchElementException) {
            return HttpStatus.NOT_FOUND.value();
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    /**
     * A statement gave up waiting for a lock ({@code lock_timeout}, SQL state 55P03): Spring reports it as
     * {@link CannotAcquireLockException} or, depending on the statement, as an uncategorised SQL exception.
     */
    private static boolean isLockTimeout(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof CannotAcquireLockException
                    || t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Our own input exceptions carry a French message naming the field; framework ones get one here. */
    private static String messageOf(Exception exception, int status) {
        if (status >= 500) {
            return ErrorMessages.of(status);
        }
        return switch (exception) {
            case MissingServletRequestParameterException missing ->
                    "Le paramètre « " + missing.getParameterName() + " » est obligatoire.";
            case MethodArgumentTypeMismatchException mismatch ->
                    "La valeur « " + mismatch.getValue() + " » du paramètre « " + mismatch.getName() + " » n'est pas valide.";
            case BindException bind when bind.getFieldError() != null ->
                    "Le champ « " + bind.getFieldError().getField() + " » n'est pas valide"
                            + (bind.getFieldError().getDefaultMessage() == null ? "." : " : " + bind.getFieldError().getDefaultMessage());
            case HttpMessageNotReadableException ignored -> "Le corps de la requête est illisible (JSON attendu).";
            case ErrorResponse ignored -> ErrorMessages.of(status);
            default -> exception.getMessage() == null || exception.getMessage().isBlank()
                    ? ErrorMessages.of(status) : exception.getMessage();
        };
    }
}
