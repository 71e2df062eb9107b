package fr.zlv.campaign.letter;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Concatenates PDF files into one while writing it: each part is opened, its pages and every object
 * they use (contents, fonts, images, annotations) are written out at once under new object numbers, and
 * the part is closed before the next one. Only the page numbers and the objects' file offsets stay in
 * memory, so the heap does not grow with the number of pages (PDFBox's merger keeps every page of the
 * result and every part open until it saves). The page tree, catalogue and cross-reference table are
 * written by {@link #finish()}.
 */
final class StreamedPdfConcatenation {

    private static final long CATALOG = 1;
    private static final long PAGES = 2;
    private static final byte[] EOL = {'\n'};

    private final Counting out;
    /** File offset of each object, by object number (0 is the free head of the xref table). */
    private long[] offsets = new long[1024];
    private long nextNumber = 3;
    private long[] pages = new long[256];
    private int pageCount;
    private long info;

    StreamedPdfConcatenation(OutputStream target) throws IOException {
        this.out = new Counting(target);
        write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Copies every page of the part, in order; returns how many. */
    int append(Path part) throws IOException {
        try (PDDocument document = Loader.loadPDF(part.toFile())) {
            PartWriter writer = new PartWriter();
            int before = pageCount;
            for (PDPage page : document.getPages()) {
                COSDictionary dictionary = page.getCOSObject();
                // the part's page tree is not copied: what a page inherits from it is put on the page
                for (COSName key : new COSName[] {COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.ROTATE}) {
                    if (!dictionary.containsKey(key)) {
                        COSBase inherited = inherited(dictionary, key);
                        if (inherited != null) {
                            dictionary.setItem(key, inherited);
                        }
                    }
                }
                addPage(writer.number(dictionary));
            }
            if (info == 0 && document.getDocumentInformation() != null) {
                info = writer.number(document.getDocumentInformation().getCOSObject());
            }
            writer.writePending();
            return pageCount - before;
        }
    }

    /** Writes the page tree, the catalogue and the cross-reference table; the target is flushed, not closed. */
    void finish() throws IOException {
        setOffset(PAGES);
        write(ascii(PAGES + " 0 obj\n<< /Type /Pages /Count " + pageCount + " /Kids ["));
        for (int i = 0; i < pageCount; i++) {
            write(ascii((i % 16 == 0 ? "\n" : " ") + pages[i] + " 0 R"));
        }
        write(ascii(" ] >>\nendobj\n"));
        setOffset(CATALOG);
        write(ascii(CATALOG + " 0 obj\n<< /Type /Catalog /Pages " + PAGES + " 0 R >>\nendobj\n"));
        long xref = out.count;
        StringBuilder table = new StringBuilder("xref\n0 " + nextNumber + "\n0000000000 65535 f\r\n");
        for (long n = 1; n < nextNumber; n++) {
            table.append(String.format("%010d 00000 n\r\n", offsets[(int) n]));
            if (table.length() > 60_000) {
                write(ascii(table.toString()));
                table.setLength(0);
            }
        }
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String hex = HexFormat.of().formatHex(id);
        table.append("trailer\n<< /Size ").append(nextNumber).append(" /Root ").append(CATALOG).append(" 0 R")
                .append(info == 0 ? "" : " /Info " + info + " 0 R").append(" /ID [<").append(hex).append("> <").append(hex)
                .append(">] >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(ascii(table.toString()));
        out.flush();
    }

    int pages() {
        return pageCount;
    }

    /** The objects of one part: numbered when first referred to, written before the part is closed. */
    private final class PartWriter {
        private final Map<COSBase, Long> numbers = new IdentityHashMap<>();
        private final Deque<COSBase> pending = new ArrayDeque<>();

        long number(COSBase object) {
            Long number = numbers.get(object);
            if (number == null) {
                number = nextNumber++;
                numbers.put(object, number);
                pending.addLast(object);
            }
            return number;
        }

        void writePending() throws IOException {
            while (!pending.isEmpty()) {
                COSBase object = pending.removeFirst();
                long number = numbers.get(object);
                setOffset(number);
                write(ascii(number + " 0 obj\n"));
                if (object instanceof COSStream stream) {
                    writeStream(stream);
                } else {
                    writeDirect(object);
                }
                write(ascii("\nendobj\n"));
            }
        }

        private void writeStream(COSStream stream) throws IOException {
            byte[] data;
            try (InputStream raw = stream.createRawInputStream()) {
                data = raw.readAllBytes(); // still encoded: the filters written with the dictionary apply as they are
            }
            write(COSWriter.DICT_OPEN);
            for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
                if (!COSName.LENGTH.equals(entry.getKey())) {
                    writeEntry(stream, entry.getKey(), entry.getValue());
                }
            }
            write(ascii("/Length " + data.length));
            write(COSWriter.DICT_CLOSE);
            write(ascii("\nstream\n"));
            write(data);
            write(ascii("\nendstream"));
        }

        private void writeDirect(COSBase value) throws IOException {
            if (value instanceof COSObject reference) {
                writeReference(reference.getObject());
            } else if (value instanceof COSStream stream) {
                writeReference(stream); // a stream is always an indirect object
            } else if (value instanceof COSDictionary dictionary) {
                write(COSWriter.DICT_OPEN);
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    writeEntry(dictionary, entry.getKey(), entry.getValue());
                }
                write(COSWriter.DICT_CLOSE);
            } else if (value instanceof COSArray array) {
                write(COSWriter.ARRAY_OPEN);
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        write(COSWriter.SPACE);
                    }
                    writeDirect(array.get(i));
                }
                write(COSWriter.ARRAY_CLOSE);
            } else if (value instanceof COSString string) {
                COSWriter.writeString(string, out);
            } else if (value instanceof COSName name) {
                name.writePDF(out);
            } else if (value instanceof COSInteger integer) {
                integer.writePDF(out);
            } else if (value instanceof COSFloat number) {
                number.writePDF(out);
            } else if (value instanceof COSBoolean bool) {
                bool.writePDF(out);
            } else {
                COSNull.NULL.writePDF(out);
            }
        }

        private void writeEntry(COSDictionary owner, COSName key, COSBase value) throws IOException {
            key.writePDF(out);
            write(COSWriter.SPACE);
            if (COSName.PARENT.equals(key) && COSName.PAGE.equals(owner.getCOSName(COSName.TYPE))) {
                write(ascii(PAGES + " 0 R")); // every page hangs from the result's one page tree
            } else {
                writeDirect(value);
            }
            write(EOL);
        }

        private void writeReference(COSBase target) throws IOException {
            if (target == null || target instanceof COSNull || isTreeRoot(target)) {
                // the part's catalogue and page tree stay behind (only its pages are copied)
                COSNull.NULL.writePDF(out);
            } else {
                write(ascii(number(target) + " 0 R"));
            }
        }
    }

    private static boolean isTreeRoot(COSBase object) {
        if (!(object instanceof COSDictionary dictionary) || object instanceof COSStream) {
            return false;
        }
        COSName type = dictionary.getCOSName(COSName.TYPE);
        return COSName.PAGES.equals(type) || COSName.CATALOG.equals(type);
    }

    private static COSBase inherited(COSDictionary page, COSName key) {
        COSDictionary node = page.getCOSDictionary(COSName.PARENT);
        for (int depth = 0; node != null && depth < 64; depth++) {
            COSBase value = node.getDictionaryObject(key);
            if (value != null) {
                return value;
            }
            node = node.getCOSDictionary(COSName.PARENT);
        }
        return null;
    }

    private void addPage(long number) {
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        pages[pageCount++] = number;
    }

    private void setOffset(long number) {
        if (number >= offsets.length) {
            offsets = Arrays.copyOf(offsets, (int) Math.max(number + 1, offsets.length * 2L));
        }
        offsets[(int) number] = out.count;
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Counts the bytes written, for the cross-reference table's offsets. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
