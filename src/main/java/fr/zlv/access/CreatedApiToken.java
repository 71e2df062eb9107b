package fr.zlv.access;

/** A freshly created API token: {@code secret} is the only time the caller sees it. */
public record CreatedApiToken(long id, String name, String establishmentName, String secret) {
}
