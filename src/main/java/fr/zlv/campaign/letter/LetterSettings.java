package fr.zlv.campaign.letter;

import java.time.LocalDate;

/**
 * The content of a letter (a campaign's, or the establishment's defaults): sender block, up to two
 * logos and two signatories (images named by their storage key), "À …, le …", subject and body
 * (sanitised HTML with variables).
 */
public record LetterSettings(String senderName, String senderService, String senderAddress, String senderEmail,
                             String senderPhone, String logo1Key, String logo2Key,
                             String signatory1Name, String signatory1Role, String signatory1ImageKey,
                             String signatory2Name, String signatory2Role, String signatory2ImageKey,
                             String writtenAt, LocalDate writtenOn, String subject, String bodyHtml) {

    public static LetterSettings empty() {
        return new LetterSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, "");
    }

    /** The same letter with its body passed through the allow-list again. */
    LetterSettings sanitised() {
        return withBody(LetterSanitizer.sanitize(bodyHtml));
    }

    LetterSettings withBody(String body) {
        return new LetterSettings(senderName, senderService, senderAddress, senderEmail, senderPhone, logo1Key, logo2Key,
                signatory1Name, signatory1Role, signatory1ImageKey, signatory2Name, signatory2Role, signatory2ImageKey,
                writtenAt, writtenOn, subject, body);
    }

    LetterSettings withImages(String logo1, String logo2, String signature1, String signature2) {
        return new LetterSettings(senderName, senderService, senderAddress, senderEmail, senderPhone, logo1, logo2,
                signatory1Name, signatory1Role, signature1, signatory2Name, signatory2Role, signature2,
                writtenAt, writtenOn, subject, bodyHtml);
    }
}
