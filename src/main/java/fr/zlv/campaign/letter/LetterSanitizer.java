package fr.zlv.campaign.letter;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list of the letter body: paragraphs, emphasis, lists, links (http, https, mailto) and
 * headings; everything else (scripts, event handlers, styles, images, iframes) is dropped. Applied
 * before storage and again before rendering, so that a row written by other means is still safe.
 */
public final class LetterSanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a")
            // browsers' editing commands write <b> and <i>: stored as their meaningful forms
            .allowElements((name, attributes) -> "strong", "b")
            .allowElements((name, attributes) -> "em", "i")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .toFactory();

    private LetterSanitizer() {
    }

    /** The allowed subset of the HTML, well formed (void elements closed, entities numeric). */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        // the sanitizer encodes braces (against client-side template injection, which we do not have):
        // the variables {{proprietaire.nom}} must stay readable for the editor and the substitution
        return POLICY.sanitize(html).replace("{<!-- -->{", "{{").replace("&#123;", "{").replace("&#125;", "}");
    }
}
