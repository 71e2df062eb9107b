package fr.zlv.campaign.letter;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Draws {@code <object type="zlv/qr" data="URL">} as a vector QR code: one filled path of the dark
 * modules, straight into the PDF. No image is encoded, decoded or embedded, which keeps a letter
 * cheap to render and sharp at any print resolution.
 */
final class QrCodeDrawer implements FSObjectDrawer {

    static final String TYPE = "zlv/qr";
    /** The quiet zone the QR standard asks for around the symbol, in modules. */
    private static final int QUIET_ZONE = 4;

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                                         OutputDevice outputDevice, RenderingContext ctx, int dotsPerPixel) {
        ByteMatrix matrix = matrix(e.getAttribute("data"));
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        double size = Math.min(width, height) / modules;
        Path2D.Double path = new Path2D.Double();
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row) == 1) {
                    col++;
                }
                // one rectangle per horizontal run of dark modules
                double left = x + (start + QUIET_ZONE) * size;
                double top = y + (row + QUIET_ZONE) * size;
                path.append(new java.awt.geom.Rectangle2D.Double(left, top, (col - start) * size, size), false);
            }
        }
        outputDevice.setColor(FSRGBColor.BLACK);
        outputDevice.fill(path);
        return null;
    }

    /**
     * The symbol of a text. The mask pattern is fixed: choosing the "best" of the 8 masks (the QR
     * standard's penalty scores) took most of the encoding time, and any mask gives a valid symbol that
     * phones read as well at this size.
     */
    static ByteMatrix matrix(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                            EncodeHintType.QR_MASK_PATTERN, 2))
                    .getMatrix();
        } catch (WriterException ex) {
            throw new IllegalArgumentException("QR code impossible pour « " + text + " »", ex);
        }
    }
}
