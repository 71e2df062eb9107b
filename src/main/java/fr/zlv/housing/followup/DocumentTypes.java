package fr.zlv.housing.followup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises accepted documents from their first bytes (magic numbers), never from the name or the
 * type the browser claims: the extension must then agree with the content ("facture.pdf" that is
 * really a program is refused).
 */
final class DocumentTypes {

    /** A family of formats sharing one signature, and the extensions with their media types. */
    enum Family {
        PDF, PNG, JPEG, GIF, WEBP, TIFF, ZIP_OFFICE, OLE_OFFICE, RTF
    }

    record Accepted(Family family, String mediaType) {
    }

    private static final Map<String, Accepted> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Accepted(Family.PDF, "application/pdf")),
            Map.entry("png", new Accepted(Family.PNG, "image/png")),
            Map.entry("jpg", new Accepted(Family.JPEG, "image/jpeg")),
            Map.entry("jpeg", new Accepted(Family.JPEG, "image/jpeg")),
            Map.entry("gif", new Accepted(Family.GIF, "image/gif")),
            Map.entry("webp", new Accepted(Family.WEBP, "image/webp")),
            Map.entry("tif", new Accepted(Family.TIFF, "image/tiff")),
            Map.entry("tiff", new Accepted(Family.TIFF, "image/tiff")),
            Map.entry("docx", new Accepted(Family.ZIP_OFFICE, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            Map.entry("xlsx", new Accepted(Family.ZIP_OFFICE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            Map.entry("pptx", new Accepted(Family.ZIP_OFFICE, "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
            Map.entry("odt", new Accepted(Family.ZIP_OFFICE, "application/vnd.oasis.opendocument.text")),
            Map.entry("ods", new Accepted(Family.ZIP_OFFICE, "application/vnd.oasis.opendocument.spreadsheet")),
            Map.entry("odp", new Accepted(Family.ZIP_OFFICE, "application/vnd.oasis.opendocument.presentation")),
            Map.entry("doc", new Accepted(Family.OLE_OFFICE, "application/msword")),
            Map.entry("xls", new Accepted(Family.OLE_OFFICE, "application/vnd.ms-excel")),
            Map.entry("ppt", new Accepted(Family.OLE_OFFICE, "application/vnd.ms-powerpoint")),
            Map.entry("rtf", new Accepted(Family.RTF, "application/rtf")));

    static final String ACCEPTED_LIST = "PDF, images (PNG, JPEG, GIF, WebP, TIFF), documents bureautiques "
            + "(Word, Excel, PowerPoint, OpenDocument, RTF)";

    private DocumentTypes() {
    }

    /** The media type to store, or a refusal naming the file. */
    static String check(String fileName, byte[] head) {
        String extension = extension(fileName);
        Accepted expected = BY_EXTENSION.get(extension);
        if (expected == null) {
            throw new DocumentTypeRefusedException("Le fichier « " + fileName + " » n'est pas d'un format accepté : " + ACCEPTED_LIST + ".");
        }
        Optional<Family> actual = detect(head);
        if (actual.isEmpty() || actual.get() != expected.family()) {
            throw new DocumentTypeRefusedException("Le contenu du fichier « " + fileName + " » ne correspond pas à son extension « ."
                    + extension + " » : seuls les fichiers " + ACCEPTED_LIST + " authentiques sont acceptés.");
        }
        return expected.mediaType();
    }

    static Optional<Family> detect(byte[] b) {
        if (starts(b, "%PDF-".getBytes())) {
            return Optional.of(Family.PDF);
        }
        if (starts(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(Family.PNG);
        }
        if (starts(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(Family.JPEG);
        }
        if (starts(b, "GIF87a".getBytes()) || starts(b, "GIF89a".getBytes())) {
            return Optional.of(Family.GIF);
        }
        if (starts(b, "RIFF".getBytes()) && b.length >= 12 && Arrays.equals(Arrays.copyOfRange(b, 8, 12), "WEBP".getBytes())) {
            return Optional.of(Family.WEBP);
        }
        if (starts(b, new byte[]{'I', 'I', 42, 0}) || starts(b, new byte[]{'M', 'M', 0, 42})) {
            return Optional.of(Family.TIFF);
        }
        if (starts(b, new byte[]{'P', 'K', 3, 4})) {
            return Optional.of(Family.ZIP_OFFICE);
        }
        if (starts(b, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1})) {
            return Optional.of(Family.OLE_OFFICE);
        }
        if (starts(b, "{\\rtf".getBytes())) {
            return Optional.of(Family.RTF);
        }
        return Optional.empty();
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
