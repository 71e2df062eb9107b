package fr.zlv.access;

import java.time.OffsetDateTime;

/** A mail of the outbox: {@code status} is SENT, KEPT (no SMTP server configured) or FAILED. */
public record OutboxMailView(long id, String recipient, String subject, String body, String status, String error,
                             OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public String statusLabel() {
        return switch (status) {
            case "SENT" -> "Envoyé";
            case "KEPT" -> "Conservé (pas de serveur SMTP)";
            default -> "Échec de l'envoi";
        };
    }
}
