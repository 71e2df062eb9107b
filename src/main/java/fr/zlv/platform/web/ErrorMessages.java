package fr.zlv.platform.web;

/** The French wording of HTTP errors shown to users and API clients. */
final class ErrorMessages {

    /** Data locked longer than {@code lock_timeout} by a long writer (a national LOVAC load, an index build). */
    static final String LOCKED = "Ces données sont en cours de mise à jour (par exemple par l'import d'un fichier LOVAC). "
            + "Réessayez dans quelques minutes.";

    private ErrorMessages() {
    }

    static String of(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Ressource introuvable";
            case 405 -> "Méthode non autorisée";
            case 406 -> "Format de réponse non disponible";
            case 409 -> "Conflit avec l'état actuel de la ressource";
            case 413 -> "Contenu trop volumineux";
            case 415 -> "Format de contenu non pris en charge";
            case 429 -> "Trop de requêtes, réessayez dans un instant";
            case 503 -> "Service momentanément indisponible";
            default -> status >= 500 ? "Erreur interne du serveur" : "Requête refusée";
        };
    }
}
