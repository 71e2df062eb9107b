package fr.zlv.campaign.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/** The fields of the letter form (campaign letter and establishment defaults), bound by name. */
public class LetterForm {

    private String senderName;
    private String senderService;
    private String senderAddress;
    private String senderEmail;
    private String senderPhone;
    private String signatory1Name;
    private String signatory1Role;
    private String signatory2Name;
    private String signatory2Role;
    private String writtenAt;
    private String writtenOn;
    private String subject;
    private String bodyHtml;
    private List<String> remove;
    private MultipartFile logo1;
    private MultipartFile logo2;
    private MultipartFile signature1;
    private MultipartFile signature2;

    static LetterForm of(LetterSettings s) {
        LetterForm form = new LetterForm();
        form.senderName = s.senderName();
        form.senderService = s.senderService();
        form.senderAddress = s.senderAddress();
        form.senderEmail = s.senderEmail();
        form.senderPhone = s.senderPhone();
        form.signatory1Name = s.signatory1Name();
        form.signatory1Role = s.signatory1Role();
        form.signatory2Name = s.signatory2Name();
        form.signatory2Role = s.signatory2Role();
        form.writtenAt = s.writtenAt();
        form.writtenOn = s.writtenOn() == null ? null : s.writtenOn().toString();
        form.subject = s.subject();
        form.bodyHtml = s.bodyHtml();
        return form;
    }

    /** The texts as a letter (images empty: they are handled apart). */
    LetterSettings settings() {
        LocalDate on = null;
        if (writtenOn != null && !writtenOn.isBlank()) {
            try {
                on = LocalDate.parse(writtenOn.trim());
            } catch (DateTimeParseException e) {
                throw new LetterInputException("Date (« le … ») : saisissez une date au format jj/mm/aaaa.");
            }
        }
        return new LetterSettings(senderName, senderService, senderAddress, senderEmail, senderPhone, null, null,
                signatory1Name, signatory1Role, null, signatory2Name, signatory2Role, null, writtenAt, on, subject, bodyHtml);
    }

    Map<String, byte[]> uploads() {
        Map<String, byte[]> uploads = new HashMap<>();
        put(uploads, LetterTemplate.LOGO1, logo1);
        put(uploads, LetterTemplate.LOGO2, logo2);
        put(uploads, LetterTemplate.SIGNATURE1, signature1);
        put(uploads, LetterTemplate.SIGNATURE2, signature2);
        return uploads;
    }

    Set<String> removed() {
        return remove == null ? Set.of() : new HashSet<>(remove);
    }

    private static void put(Map<String, byte[]> uploads, String slot, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return;
        }
        if (file.getSize() > LetterImages.MAX_BYTES) {
            throw new LetterInputException(LetterManagement.slotLabel(slot) + " : l'image dépasse 2 Mo.");
        }
        try {
            uploads.put(slot, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // getters and setters for form binding and the template

    public String getSenderName() { return senderName; }
    public void setSenderName(String v) { senderName = v; }
    public String getSenderService() { return senderService; }
    public void setSenderService(String v) { senderService = v; }
    public String getSenderAddress() { return senderAddress; }
    public void setSenderAddress(String v) { senderAddress = v; }
    public String getSenderEmail() { return senderEmail; }
    public void setSenderEmail(String v) { senderEmail = v; }
    public String getSenderPhone() { return senderPhone; }
    public void setSenderPhone(String v) { senderPhone = v; }
    public String getSignatory1Name() { return signatory1Name; }
    public void setSignatory1Name(String v) { signatory1Name = v; }
    public String getSignatory1Role() { return signatory1Role; }
    public void setSignatory1Role(String v) { signatory1Role = v; }
    public String getSignatory2Name() { return signatory2Name; }
    public void setSignatory2Name(String v) { signatory2Name = v; }
    public String getSignatory2Role() { return signatory2Role; }
    public void setSignatory2Role(String v) { signatory2Role = v; }
    public String getWrittenAt() { return writtenAt; }
    public void setWrittenAt(String v) { writtenAt = v; }
    public String getWrittenOn() { return writtenOn; }
    public void setWrittenOn(String v) { writtenOn = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getBodyHtml() { return bodyHtml; }
    public void setBodyHtml(String v) { bodyHtml = v; }
    public List<String> getRemove() { return remove; }
    public void setRemove(List<String> v) { remove = v; }
    public MultipartFile getLogo1() { return logo1; }
    public void setLogo1(MultipartFile v) { logo1 = v; }
    public MultipartFile getLogo2() { return logo2; }
    public void setLogo2(MultipartFile v) { logo2 = v; }
    public MultipartFile getSignature1() { return signature1; }
    public void setSignature1(MultipartFile v) { signature1 = v; }
    public MultipartFile getSignature2() { return signature2; }
    public void setSignature2(MultipartFile v) { signature2 = v; }
}
