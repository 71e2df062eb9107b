package fr.zlv.perimeters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a zipped polygon Shapefile (.shp, .shx, .dbf, .prj) byte by byte, for the upload tests. */
final class ShapefileWriter {

    static final String PRJ_LAMBERT_93 = "PROJCS[\"RGF93_Lambert_93\",GEOGCS[\"GCS_RGF_1993\",DATUM[\"D_RGF_1993\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],"
            + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],PARAMETER[\"Standard_Parallel_2\",44.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]";
    static final String PRJ_WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /** One feature: its name and its rings (each a list of [x, y], closed, shells clockwise, holes counter-clockwise). */
    record Feature(String name, List<double[][]> rings) {
    }

    private ShapefileWriter() {
    }

    static byte[] zip(List<Feature> features, String prj, boolean withPrj) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[][] shpShx = shpAndShx(features);
            entry(zip, "perimetre.shp", shpShx[0]);
            entry(zip, "perimetre.shx", shpShx[1]);
            entry(zip, "perimetre.dbf", dbf(features));
            if (withPrj) {
                entry(zip, "perimetre.prj", prj.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[][] shpAndShx(List<Feature> features) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        int offsetWords = 50;
        int number = 1;
        for (Feature feature : features) {
            int points = feature.rings().stream().mapToInt(r -> r.length).sum();
            int contentBytes = 4 + 32 + 4 + 4 + 4 * feature.rings().size() + 16 * points;
            ByteBuffer record = ByteBuffer.allocate(8 + contentBytes);
            record.order(ByteOrder.BIG_ENDIAN).putInt(number++).putInt(contentBytes / 2);
            record.order(ByteOrder.LITTLE_ENDIAN).putInt(5);
            double fMinX = Double.MAX_VALUE, fMinY = Double.MAX_VALUE, fMaxX = -Double.MAX_VALUE, fMaxY = -Double.MAX_VALUE;
            for (double[][] ring : feature.rings()) {
                for (double[] p : ring) {
                    fMinX = Math.min(fMinX, p[0]);
                    fMinY = Math.min(fMinY, p[1]);
                    fMaxX = Math.max(fMaxX, p[0]);
                    fMaxY = Math.max(fMaxY, p[1]);
                }
            }
            record.putDouble(fMinX).putDouble(fMinY).putDouble(fMaxX).putDouble(fMaxY);
            record.putInt(feature.rings().size()).putInt(points);
            int start = 0;
            for (double[][] ring : feature.rings()) {
                record.putInt(start);
                start += ring.length;
            }
            for (double[][] ring : feature.rings()) {
                for (double[] p : ring) {
                    record.putDouble(p[0]).putDouble(p[1]);
                }
            }
            records.writeBytes(record.array());
            ByteBuffer entry = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(offsetWords).putInt(contentBytes / 2);
            index.writeBytes(entry.array());
            offsetWords += (8 + contentBytes) / 2;
            minX = Math.min(minX, fMinX);
            minY = Math.min(minY, fMinY);
            maxX = Math.max(maxX, fMaxX);
            maxY = Math.max(maxY, fMaxY);
        }
        byte[] shp = concat(header(100 + records.size(), minX, minY, maxX, maxY), records.toByteArray());
        byte[] shx = concat(header(100 + index.size(), minX, minY, maxX, maxY), index.toByteArray());
        return new byte[][] {shp, shx};
    }

    private static byte[] header(int fileBytes, double minX, double minY, double maxX, double maxY) {
        ByteBuffer header = ByteBuffer.allocate(100);
        header.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, fileBytes / 2);
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 5)
                .putDouble(36, minX).putDouble(44, minY).putDouble(52, maxX).putDouble(60, maxY);
        return header.array();
    }

    private static byte[] dbf(List<Feature> features) {
        int fieldLength = 50;
        int headerLength = 32 + 32 + 1;
        int recordLength = 1 + fieldLength;
        ByteBuffer dbf = ByteBuffer.allocate(headerLength + recordLength * features.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        dbf.put(0, (byte) 3).put(1, (byte) 125).put(2, (byte) 1).put(3, (byte) 1);
        dbf.putInt(4, features.size()).putShort(8, (short) headerLength).putShort(10, (short) recordLength);
        byte[] name = "NOM".getBytes(StandardCharsets.US_ASCII);
        dbf.put(32, name).put(32 + 11, (byte) 'C').put(32 + 16, (byte) fieldLength);
        dbf.put(64, (byte) 0x0D);
        int position = headerLength;
        for (Feature feature : features) {
            dbf.put(position, (byte) ' ');
            byte[] value = feature.name().getBytes(StandardCharsets.UTF_8);
            byte[] padded = new byte[fieldLength];
            java.util.Arrays.fill(padded, (byte) ' ');
            System.arraycopy(value, 0, padded, 0, Math.min(value.length, fieldLength));
            dbf.put(position + 1, padded);
            position += recordLength;
        }
        dbf.put(position, (byte) 0x1A);
        return dbf.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
