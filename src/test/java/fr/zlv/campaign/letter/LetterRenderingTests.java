package fr.zlv.campaign.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The letter template and the PDF renderer without the database: variables, allow-list, fonts, pages. */
class LetterRenderingTests {

    private final LetterPdfRenderer renderer = new LetterPdfRenderer();

    static LetterSettings settings(String body) {
        return new LetterSettings("Mairie de Cœur-sur-Lac", "Service habitat", "1 place de la Mairie\n16000 Angoulême",
                "habitat@example.fr", "05 45 00 00 00", null, null, "Élise Dupré", "Maire", null, null, null, null,
                "Angoulême", LocalDate.of(2026, 3, 1), "Votre logement {{logement.adresse}}", body);
    }

    static LetterRecipient recipient(long id, String name, String code) {
        Map<LetterVariable, String> values = new EnumMap<>(LetterVariable.class);
        values.put(LetterVariable.HOUSING_ADDRESS, id + " rue de l'Œuvre, 16000 Angoulême");
        values.put(LetterVariable.LOCAL_ID, "16015000" + id);
        values.put(LetterVariable.LIVING_AREA, "54 m²");
        return new LetterRecipient(id, id, name, List.of(id + " AVENUE DES ÉTANGS", "75011 PARIS"), values, code);
    }

    @Test
    void variablesAreReplacedByEachRecipientsValuesEscaped() {
        var template = LetterTemplate.compile(settings("<p>Bonjour {{proprietaire.nom}}, votre logement de {{ logement.surface }} "
                + "({{logement.identifiant}}) {{inconnu.variable}}</p>"), "http://zlv.test", Set.of());
        String body = template.bodyFor(recipient(7, "DUPONT <Jean> & fils", "ABCD-EFGH-JKMN"));
        assertThat(body).contains("Bonjour DUPONT &lt;Jean&gt; &amp; fils, votre logement de 54 m² (160150007)")
                .contains("{{inconnu.variable}}");
    }

    @Test
    void theAllowListDropsScriptsAndEventHandlersButKeepsFormatting() {
        String dirty = "<p onclick=\"x()\">Bonjour <strong>{{proprietaire.nom}}</strong><script>alert(1)</script>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">piège</a> <a href=\"https://anah.gouv.fr\">Anah</a></p>"
                + "<ul><li>un</li></ul><h2 style=\"color:red\">Titre</h2><iframe src=\"https://evil\"></iframe>";
        String clean = LetterSanitizer.sanitize(dirty);
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("javascript").doesNotContain("<img")
                .doesNotContain("iframe").doesNotContain("style")
                .contains("<strong>{{proprietaire.nom}}</strong>").contains("<a href=\"https://anah.gouv.fr\"")
                .contains("<ul><li>un</li></ul>").contains("<h2>Titre</h2>");
    }

    @Test
    void onePdfLetterPerRecipientWithNameCodeAndEmbeddedFonts() throws IOException {
        var template = LetterTemplate.compile(settings("<p>Madame, Monsieur {{proprietaire.nom}},</p>"
                + "<p>Votre logement de {{logement.surface}} coûte 1 000 € par an à l'œil nu.</p>"
                + "<script>document.write('INJECTÉ')</script><p><img src=x onerror=alert(1)>fin</p>"), "http://zlv.test", Set.of());
        List<LetterRecipient> recipients = List.of(recipient(1, "MARTIN JEANNE", "AAAA-BBBB-CCC1"),
                recipient(2, "LEFÈVRE FRANÇOISE", "DDDD-EEEE-FFF2"), recipient(3, "ŒUVRE SCI", "GGGG-HHHH-JJJ3"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.render(template.document(recipients), Map.of(), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            for (int page = 1; page <= 3; page++) {
                String text = text(document, page);
                LetterRecipient r = recipients.get(page - 1);
                assertThat(text).contains(r.ownerName()).contains(r.code()).contains("1 000 €").contains("l'œil")
                        .contains("zlv.test/proprietaire").contains("le 1er mars 2026").contains("Cœur-sur-Lac")
                        .doesNotContain("INJECTÉ");
                recipients.stream().filter(o -> o != r).forEach(o -> assertThat(text).doesNotContain(o.code()));
            }
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans"));
        }
    }

    @Test
    void aLongBodyContinuesOnMorePagesOfTheSameLetter() throws IOException {
        String body = "<p>" + "Une phrase assez longue pour remplir la page du courrier. ".repeat(400) + "</p>";
        var template = LetterTemplate.compile(settings(body), "http://zlv.test", Set.of());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.render(template.document(List.of(recipient(1, "MARTIN JEANNE", "AAAA-BBBB-CCC1"),
                recipient(2, "PETIT PAUL", "DDDD-EEEE-FFF2"))), Map.of(), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(4);
        }
    }

    static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true); // bold runs come from another font: read the page in reading order
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
