package fr.zlv.campaign.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged letters' file as a PDF reader sees it: pages in order, a valid cross-reference table, links kept. */
class StreamedPdfConcatenationTests {

    @TempDir
    Path dir;

    @Test
    void partsAreAppendedInOrderIntoAFileWhoseCrossReferencesPointAtTheirObjects() throws IOException {
        Path letters = dir.resolve("letters.pdf");
        LetterTemplate template = LetterTemplate.compile(LetterRenderingTests.settings("<p>Bonjour {{proprietaire.nom}}</p>"),
                "http://localhost:8080", Set.of());
        try (OutputStream file = Files.newOutputStream(letters)) {
            new LetterPdfRenderer().render(template.document(List.of(
                    LetterRenderingTests.recipient(1, "MARTIN JEANNE", "AAAA-BBBB-CCCC"),
                    LetterRenderingTests.recipient(2, "LEFÈVRE FRANÇOISE", "DDDD-EEEE-FFFF"))), Map.of(), file);
        }
        Path linked = dir.resolve("linked.pdf");
        writeTwoPagesLinkingBack(linked);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamedPdfConcatenation result = new StreamedPdfConcatenation(out);
        assertThat(result.append(letters)).isEqualTo(2);
        assertThat(result.append(linked)).isEqualTo(2);
        assertThat(result.append(letters)).isEqualTo(2);
        result.finish();
        byte[] bytes = out.toByteArray();

        assertCrossReferencesPointAtTheirObjects(bytes);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(6);
            assertThat(LetterRenderingTests.text(document, 1)).contains("MARTIN JEANNE").contains("AAAA-BBBB-CCCC");
            assertThat(LetterRenderingTests.text(document, 2)).contains("LEFÈVRE FRANÇOISE").contains("DDDD-EEEE-FFFF");
            assertThat(LetterRenderingTests.text(document, 3)).contains("Page A");
            assertThat(LetterRenderingTests.text(document, 4)).contains("Page B");
            assertThat(LetterRenderingTests.text(document, 5)).contains("MARTIN JEANNE");
            // the size the part's page tree gave its pages is kept on each page
            assertThat(document.getPage(2).getMediaBox().getWidth()).isEqualTo(PDRectangle.A5.getWidth());
            // a link to another page of the same part still leads to that page, now page 3 of the result
            var link = (PDAnnotationLink) document.getPage(3).getAnnotations().getFirst();
            var target = ((PDPageFitDestination) link.getDestination()).getPage();
            assertThat(document.getPages().indexOf(target)).isEqualTo(2);
        }
    }

    /** Two A5 pages whose size is inherited from the page tree; the second links back to the first. */
    private static void writeTwoPagesLinkingBack(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage a = new PDPage();
            PDPage b = new PDPage();
            for (PDPage page : List.of(a, b)) {
                page.getCOSObject().removeItem(COSName.MEDIA_BOX);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(50, 300);
                    content.showText(page == a ? "Page A" : "Page B");
                    content.endText();
                }
            }
            document.getPages().getCOSObject().setItem(COSName.MEDIA_BOX, PDRectangle.A5.getCOSArray());
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 50, 100, 20));
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(a);
            link.setDestination(destination);
            b.getAnnotations().add(link);
            document.save(file.toFile());
        }
    }

    private static void assertCrossReferencesPointAtTheirObjects(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.7").endsWith("%%EOF\n");
        Matcher start = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 ");
        Matcher header = Pattern.compile("xref\n0 (\\d+)\n").matcher(text).region(xref, text.length());
        assertThat(header.lookingAt()).isTrue();
        int size = Integer.parseInt(header.group(1));
        int entries = header.end();
        for (int n = 1; n < size; n++) {
            String entry = text.substring(entries + 20 * n, entries + 20 * n + 20);
            assertThat(entry).matches("\\d{10} 00000 n\r\n");
            int offset = Integer.parseInt(entry.substring(0, 10));
            assertThat(text.startsWith(n + " 0 obj\n", offset)).as("object %d at %d", n, offset).isTrue();
        }
    }
}
