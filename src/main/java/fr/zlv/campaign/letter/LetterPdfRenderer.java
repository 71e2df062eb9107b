package fr.zlv.campaign.letter;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.stereotype.Component;

/**
 * XHTML to PDF with openhtmltopdf: the bundled DejaVu Sans fonts (subset and embedded, so that
 * accents, €, œ print everywhere), QR codes drawn as vectors, images only from the letter itself
 * ({@code zlvimg:} names), nothing fetched from the network. Font files and font metrics are loaded
 * once per process and shared by every rendering.
 */
@Component
class LetterPdfRenderer {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String IMAGE_SCHEME = "zlvimg";

    private record Font(byte[] bytes, int weight, FontStyle style) {
    }

    private final Font[] fonts;
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

    static {
        // openhtmltopdf logs every font load and cache hit at INFO: keep only its warnings
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    LetterPdfRenderer() {
        // openhtmltopdf asks PDFBox for the standard PDF fonts in each document, and PDFBox warns each
        // time that the machine has no ZapfDingbats or Symbol: they are never used by the letters
        LoggingSystem.get(LetterPdfRenderer.class.getClassLoader())
                .setLogLevel("org.apache.pdfbox.pdmodel.font.PDType1Font", LogLevel.ERROR);
        fonts = new Font[] {
                font("DejaVuSans.ttf", 400, FontStyle.NORMAL),
                font("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
                font("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
                font("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC)};
    }

    /** Renders the document to the stream; {@code images} maps the {@code zlvimg:} names to their bytes. */
    void render(String xhtml, Map<String, byte[]> images, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Zéro Logement Vacant");
        for (Font font : fonts) {
            builder.useFont(() -> new ByteArrayInputStream(font.bytes()), FONT_FAMILY, font.weight(), font.style(), true);
        }
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(QrCodeDrawer.TYPE, new QrCodeDrawer());
        builder.useObjectDrawerFactory(drawers);
        builder.useProtocolsStreamImplementation(url -> imageStream(images, url), IMAGE_SCHEME);
        // the body's links are printed, never followed: only the letter's own images may be loaded
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(IMAGE_SCHEME + ":"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(IMAGE_SCHEME + ":"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withHtmlContent(xhtml, IMAGE_SCHEME + ":/");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FSStream imageStream(Map<String, byte[]> images, String url) {
        String name = url.substring(url.indexOf(':') + 1).replaceFirst("^/+", "");
        byte[] bytes = images.get(name);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return bytes == null ? null : new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            }
        };
    }

    /**
     * The font with its GSUB table hidden (the tag renamed in the table directory of the copy in memory;
     * the file is unchanged). PDFBox applies GSUB to Latin text through regular expressions, which took
     * about a sixth of the rendering time for ligatures ("fi", "fl") that a letter does not need.
     */
    static byte[] withoutGlyphSubstitution(byte[] ttf) {
        int tables = ((ttf[4] & 0xFF) << 8) | (ttf[5] & 0xFF);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (ttf[record] == 'G' && ttf[record + 1] == 'S' && ttf[record + 2] == 'U' && ttf[record + 3] == 'B') {
                ttf[record] = 'X';
            }
        }
        return ttf;
    }

    private static Font font(String file, int weight, FontStyle style) {
        try (InputStream in = LetterPdfRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Police manquante : /fonts/" + file);
            }
            return new Font(withoutGlyphSubstitution(in.readAllBytes()), weight, style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
