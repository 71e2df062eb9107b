package fr.zlv.territory;

/**
 * A reference file or folder that cannot be loaded: missing, wrong header, unparsable line. The
 * message is French and names the file and line; nothing was changed in the database.
 */
public class ReferenceDataException extends RuntimeException {

    private final String file;
    private final int line;

    public ReferenceDataException(String file, int line, String message) {
        super(line > 0
                ? "Fichier " + file + ", ligne " + line + " : " + message
                : "Fichier " + file + " : " + message);
        this.file = file;
        this.line = line;
    }

    private ReferenceDataException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
    }

    /** The folder given to load from does not exist or is not a folder. */
    public static ReferenceDataException missingFolder(java.nio.file.Path folder) {
        return new ReferenceDataException("Dossier introuvable : " + folder + " (un dossier contenant les fichiers de référence est attendu).");
    }

    /** The file name, for example {@code communes.csv}; null when the folder itself is missing. */
    public String file() {
        return file;
    }

    /** The 1-based line number (the header is line 1), 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
