package fr.zlv.housing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Optimistic locking: the dwelling changed since the caller read it (its version moved on). Nothing was written. */
@ResponseStatus(HttpStatus.CONFLICT)
public class HousingConflictException extends RuntimeException {

    public static final String MESSAGE = "Ce logement a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. "
            + "Vos modifications n'ont pas été enregistrées : rechargez la fiche pour voir la version actuelle, puis refaites-les.";

    private final int currentVersion;

    public HousingConflictException(int currentVersion) {
        super(MESSAGE);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
