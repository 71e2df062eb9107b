package fr.zlv.housing.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the history of a dwelling or of one of its owners: who, when, what (a French sentence
 * with old → new), and the old and new values as codes for machines.
 */
public record EventView(long id, String kind, OffsetDateTime createdAt, String author, String message,
                        Long ownerId,
                        @Schema(description = "Ancienne valeur (codes : nombre, texte, liste ou objet)", implementation = Object.class)
                        JsonNode oldValue,
                        @Schema(description = "Nouvelle valeur (codes : nombre, texte, liste ou objet)", implementation = Object.class)
                        JsonNode newValue) {
}
