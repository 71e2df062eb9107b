package fr.zlv.housing.web;

import fr.zlv.housing.FollowUpRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON bodies only after the dwelling was found in the caller's scope, so that a request for a
 * dwelling of another territory is a 404 whatever its body; an unknown or mistyped field is a 400 naming it.
 */
final class JsonBodies {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonBodies() {
    }

    static <T> T read(HttpServletRequest request, Class<T> type) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readAllBytes();
            if (body.length == 0) {
                throw new FollowUpRefusedException("Le corps de la requête est vide : un objet JSON est attendu.");
            }
            return JSON.readValue(body, type);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().getLast().getPropertyName();
            if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                throw new FollowUpRefusedException("Le champ « " + unknown.getPropertyName() + " » n'existe pas.");
            }
            throw new FollowUpRefusedException(field == null ? "Le corps de la requête est illisible (JSON attendu)."
                    : "La valeur du champ « " + field + " » n'est pas valide.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
