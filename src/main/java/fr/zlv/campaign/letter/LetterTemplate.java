package fr.zlv.campaign.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A campaign's letter compiled once into literal parts and variables, then filled in for each
 * recipient by concatenation: nothing is parsed again per letter. The page layout places the
 * recipient's address for French window envelopes (DL and C5/6): the address block starts 55 mm
 * from the top and 110 mm from the left edge, 85 mm wide and about 33 mm high, which is where the
 * window of standard envelopes sits once an A4 sheet is folded in three.
 */
final class LetterTemplate {

    /** Image names resolved by the renderer (see {@link LetterPdfRenderer}). */
    static final String LOGO1 = "logo1";
    static final String LOGO2 = "logo2";
    static final String SIGNATURE1 = "signature1";
    static final String SIGNATURE2 = "signature2";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    static final String CSS = """
            @page { size: A4; margin: 15mm 15mm 18mm 20mm; }
            body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.4; color: #000; margin: 0; }
            .letter { page-break-before: always; }
            .letter.first { page-break-before: auto; }
            .head { height: 25mm; overflow: hidden; }
            .head img { max-height: 22mm; max-width: 70mm; margin-right: 6mm; }
            table.top { width: 175mm; height: 52mm; border-collapse: collapse; table-layout: fixed; }
            td.sender { width: 90mm; vertical-align: top; padding: 0; font-size: 8.5pt; }
            td.recipient { width: 85mm; vertical-align: top; padding: 15mm 0 0 0; }
            .window { height: 33mm; overflow: hidden; font-size: 10pt; line-height: 1.3; }
            .reference { font-size: 7.5pt; color: #444; margin-top: 2mm; }
            .place { text-align: right; margin: 4mm 0 3mm 0; }
            .subject { margin: 0 0 4mm 0; }
            .body p { margin: 0 0 2.5mm 0; }
            .body h2 { font-size: 12pt; margin: 3mm 0 2mm 0; }
            .body h3 { font-size: 11pt; margin: 3mm 0 2mm 0; }
            .body h4 { font-size: 10pt; margin: 2mm 0 1.5mm 0; }
            .body ul, .body ol { margin: 0 0 2.5mm 0; padding-left: 7mm; }
            .body blockquote { margin: 0 0 2.5mm 6mm; font-style: italic; }
            .body a { color: #000091; }
            table.signatures { width: 175mm; margin-top: 6mm; border-collapse: collapse; page-break-inside: avoid; }
            table.signatures td { width: 50%; vertical-align: top; padding: 0 0 0 45mm; }
            table.signatures td.two { padding: 0 4mm 0 0; }
            table.signatures img { max-height: 20mm; max-width: 55mm; display: block; }
            .answer { margin-top: 7mm; border: 0.4mm solid #000091; padding: 3mm; page-break-inside: avoid; }
            .answer table { border-collapse: collapse; width: 100%; }
            .answer td { vertical-align: middle; padding: 0; }
            td.qr { width: 30mm; }
            object.qr { width: 28mm; height: 28mm; display: block; }
            .code { font-size: 13pt; font-weight: bold; letter-spacing: 0.5mm; }
            """;

    private final List<String> literals = new ArrayList<>();
    private final List<LetterVariable> variables = new ArrayList<>();
    private final String answerUrl;
    private final String answerPageLabel;

    private LetterTemplate(String answerUrl) {
        this.answerUrl = answerUrl;
        this.answerPageLabel = answerUrl.replaceFirst("^https?://", "");
    }

    /**
     * @param settings  the letter, already sanitised
     * @param publicUrl the product's public address (ZLV_PUBLIC_URL)
     * @param images    the names of the images that exist ({@link #LOGO1}…)
     */
    static LetterTemplate compile(LetterSettings settings, String publicUrl, java.util.Set<String> images) {
        String base = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        LetterTemplate template = new LetterTemplate(base + "/proprietaire");
        StringBuilder middle = new StringBuilder();
        if (settings.writtenAt() != null && !settings.writtenAt().isBlank() || settings.writtenOn() != null) {
            middle.append("<p class=\"place\">");
            if (settings.writtenAt() != null && !settings.writtenAt().isBlank()) {
                middle.append("À ").append(Xml.escape(settings.writtenAt().trim()));
                middle.append(settings.writtenOn() != null ? ", le " : "");
            } else {
                middle.append("Le ");
            }
            if (settings.writtenOn() != null) {
                middle.append(Xml.escape(frenchDate(settings.writtenOn())));
            }
            middle.append("</p>");
        }
        if (settings.subject() != null && !settings.subject().isBlank()) {
            middle.append("<p class=\"subject\"><strong>Objet : </strong>").append(Xml.escape(settings.subject().trim())).append("</p>");
        }
        middle.append("<div class=\"body\">").append(LetterSanitizer.sanitize(settings.bodyHtml())).append("</div>");
        middle.append(signatures(settings, images));
        template.split(middle.toString());
        template.head = head(settings, images);
        return template;
    }

    private String head = "";

    /** "1er mars 2026", "3 mars 2026". */
    static String frenchDate(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + date.format(FRENCH_DATE);
    }

    /** One whole XHTML document holding the letters of these recipients, each from a new page. */
    String document(List<LetterRecipient> recipients) {
        StringBuilder out = new StringBuilder(recipients.size() * 4_000 + 4_000);
        out.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head><meta charset=\"utf-8\"/>")
                .append("<title>Courriers</title><style>").append(CSS).append("</style></head><body>");
        boolean first = true;
        for (LetterRecipient recipient : recipients) {
            letter(out, recipient, first);
            first = false;
        }
        return out.append("</body></html>").toString();
    }

    /** A one-page document saying that no letter is to be printed (a campaign without recipients). */
    static String emptyDocument() {
        return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head><meta charset=\"utf-8\"/>"
                + "<title>Courriers</title><style>" + CSS + "</style></head><body><p>Aucun courrier à imprimer : "
                + "aucun logement de la campagne n'a de propriétaire principal à contacter.</p></body></html>";
    }

    /** The body of one letter with its variables replaced (the live preview in the editor). */
    String bodyFor(LetterRecipient recipient) {
        StringBuilder out = new StringBuilder();
        fill(out, recipient);
        return out.toString();
    }

    /**
     * One letter as an HTML fragment for a web page (the editor's live preview): images from the given
     * URL prefix, and a placeholder instead of the QR code.
     */
    String screenPreview(LetterRecipient recipient, String imageUrlPrefix) {
        StringBuilder out = new StringBuilder();
        letter(out, recipient, true, true);
        return out.toString().replace("zlvimg:", imageUrlPrefix);
    }

    private void letter(StringBuilder out, LetterRecipient r, boolean first) {
        letter(out, r, first, false);
    }

    private void letter(StringBuilder out, LetterRecipient r, boolean first, boolean screen) {
        out.append(first ? "<div class=\"letter first\">" : "<div class=\"letter\">").append(head);
        out.append("<div class=\"window\">").append(Xml.escape(r.ownerName()));
        for (String line : r.ownerAddress()) {
            if (line != null && !line.isBlank()) {
                out.append("<br/>").append(Xml.escape(line.trim()));
            }
        }
        out.append("</div></td></tr></table>");
        fill(out, r);
        if (screen) {
            out.append("<div class=\"answer\"><p>Sur chaque courrier : un <strong>QR code</strong> et le <strong>code personnel</strong>")
                    .append(" du propriétaire pour répondre en ligne sur ").append(Xml.escape(answerPageLabel)).append(".</p></div></div>");
            return;
        }
        String code = Xml.escape(r.code());
        String url = Xml.escape(answerUrl + "/" + r.code());
        out.append("<div class=\"answer\"><table><tr><td class=\"qr\"><object class=\"qr\" type=\"").append(QrCodeDrawer.TYPE)
                .append("\" data=\"").append(url).append("\"></object></td><td>")
                .append("<p><strong>Répondez en ligne en 2 minutes</strong> sur <strong>").append(Xml.escape(answerPageLabel))
                .append("</strong> avec le code :</p><p class=\"code\">").append(code)
                .append("</p><p>ou scannez ce QR code avec votre téléphone. Votre réponse nous aide à vous proposer ")
                .append("les aides adaptées à votre logement.</p></td></tr></table></div></div>");
    }

    private void fill(StringBuilder out, LetterRecipient r) {
        for (int i = 0; i < variables.size(); i++) {
            out.append(literals.get(i)).append(Xml.escape(r.value(variables.get(i))));
        }
        out.append(literals.get(literals.size() - 1));
    }

    private void split(String html) {
        Matcher m = LetterVariable.TOKEN.matcher(html);
        int last = 0;
        StringBuilder literal = new StringBuilder();
        while (m.find()) {
            LetterVariable variable = LetterVariable.byKey(m.group(1));
            literal.append(html, last, m.start());
            last = m.end();
            if (variable == null) {
                literal.append(m.group()); // an unknown token stays as typed, so that the agent sees it
            } else {
                literals.add(literal.toString());
                variables.add(variable);
                literal.setLength(0);
            }
        }
        literal.append(html.substring(last));
        literals.add(literal.toString());
    }

    private static String head(LetterSettings s, java.util.Set<String> images) {
        StringBuilder out = new StringBuilder("<div class=\"head\">");
        if (images.contains(LOGO1)) {
            out.append("<img src=\"zlvimg:").append(LOGO1).append("\" alt=\"Logo\"/>");
        }
        if (images.contains(LOGO2)) {
            out.append("<img src=\"zlvimg:").append(LOGO2).append("\" alt=\"Logo\"/>");
        }
        out.append("</div><table class=\"top\"><tr><td class=\"sender\">");
        List<String> lines = new ArrayList<>();
        if (s.senderName() != null && !s.senderName().isBlank()) {
            lines.add("<strong>" + Xml.escape(s.senderName().trim()) + "</strong>");
        }
        addLines(lines, s.senderService());
        addLines(lines, s.senderAddress());
        addLines(lines, s.senderEmail());
        addLines(lines, s.senderPhone() == null || s.senderPhone().isBlank() ? null : "Tél. : " + s.senderPhone().trim());
        out.append(String.join("<br/>", lines));
        out.append("</td><td class=\"recipient\">");
        return out.toString();
    }

    private static void addLines(List<String> lines, String text) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(Xml.escape(line.trim()));
            }
        }
    }

    private static String signatures(LetterSettings s, java.util.Set<String> images) {
        boolean one = present(s.signatory1Name()) || images.contains(SIGNATURE1);
        boolean two = present(s.signatory2Name()) || images.contains(SIGNATURE2);
        if (!one && !two) {
            return "";
        }
        StringBuilder out = new StringBuilder("<table class=\"signatures\"><tr>");
        if (one && two) {
            signatory(out, "two", s.signatory1Name(), s.signatory1Role(), images.contains(SIGNATURE1) ? SIGNATURE1 : null);
            signatory(out, "two", s.signatory2Name(), s.signatory2Role(), images.contains(SIGNATURE2) ? SIGNATURE2 : null);
        } else {
            out.append("<td class=\"two\"></td>");
            if (one) {
                signatory(out, "two", s.signatory1Name(), s.signatory1Role(), images.contains(SIGNATURE1) ? SIGNATURE1 : null);
            } else {
                signatory(out, "two", s.signatory2Name(), s.signatory2Role(), images.contains(SIGNATURE2) ? SIGNATURE2 : null);
            }
        }
        return out.append("</tr></table>").toString();
    }

    private static void signatory(StringBuilder out, String css, String name, String role, String image) {
        out.append("<td class=\"").append(css).append("\">");
        if (present(role)) {
            out.append(Xml.escape(role.trim())).append("<br/>");
        }
        if (image != null) {
            out.append("<img src=\"zlvimg:").append(image).append("\" alt=\"Signature\"/>");
        }
        if (present(name)) {
            out.append("<strong>").append(Xml.escape(name.trim())).append("</strong>");
        }
        out.append("</td>");
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
