package fr.zlv.perimeters;

import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import fr.zlv.territory.EstablishmentManagement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Perimeters uploaded by an establishment (private to it, DOMAIN.md §8) and the dwellings of its
 * communes inside each: point-in-polygon in Java (JTS prepared geometry, envelope prefilter in SQL),
 * stored in {@code housing_geo_perimeter} so that the list's perimeter filters stay plain SQL. An upload
 * is one transaction: a malformed file stores nothing.
 */
@Service
@Transactional
public class PerimeterManagement {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final int NAME_MAX = 120;

    private final JdbcClient jdbc;
    private final EstablishmentManagement establishments;
    private final ObjectMapper json;

    PerimeterManagement(JdbcClient jdbc, EstablishmentManagement establishments, ObjectMapper json) {
        this.jdbc = jdbc;
        this.establishments = establishments;
        this.json = json;
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<PerimeterView> list(TerritoryScope scope) {
        if (scope.establishmentId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                select g.id, g.name, g.kind, (select count(*) from housing_geo_perimeter l where l.perimeter_id = g.id), g.created_at
                  from geo_perimeter g where g.establishment_id = ? order by lower(g.name), g.id""")
                .param(scope.establishmentId())
                .query((rs, n) -> new PerimeterView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    @AnyRole
    @Transactional(readOnly = true)
    public PerimeterView get(TerritoryScope scope, long id) {
        return list(scope).stream().filter(p -> p.id() == id).findFirst().orElseThrow(PerimeterNotFoundException::new);
    }

    /** The stored GeoJSON geometry (WGS84) of a perimeter of the scope's establishment, for maps. */
    @AnyRole
    @Transactional(readOnly = true)
    public String geometry(TerritoryScope scope, long id) {
        if (scope.establishmentId() == null) {
            throw new PerimeterNotFoundException();
        }
        return jdbc.sql("select geometry from geo_perimeter where id = ? and establishment_id = ?")
                .params(id, scope.establishmentId()).query(String.class).optional().orElseThrow(PerimeterNotFoundException::new);
    }

    /**
     * Stores a perimeter from a GeoJSON file or a zipped Shapefile (by its name's extension) and links
     * the dwellings inside it. The name defaults to the first feature's name, else the file's name.
     */
    @CanWrite
    public PerimeterView upload(TerritoryScope scope, String name, String fileName, byte[] content, Long userId) {
        long establishmentId = establishmentOf(scope);
        if (content == null || content.length == 0) {
            throw new PerimeterInputException("Le fichier est obligatoire (GeoJSON ou Shapefile zippé).");
        }
        if (content.length > MAX_BYTES) {
            throw new PerimeterInputException("Le fichier dépasse 20 Mo.");
        }
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = lower.endsWith(".zip") || content.length > 1 && content[0] == 'P' && content[1] == 'K';
        ParsedShapes shapes;
        if (zip) {
            shapes = ShapefileReader.read(content);
        } else if (lower.endsWith(".json") || lower.endsWith(".geojson") || lower.isEmpty() || content[0] == '{'
                || content[0] == (byte) 0xEF) {
            shapes = GeoJsonReader.read(content, json);
        } else {
            throw new PerimeterInputException("Format de fichier non pris en charge : GeoJSON (.geojson, .json) "
                    + "ou Shapefile zippé (.zip) attendu.");
        }
        MultiPolygon geometry = Wgs84.normalise(shapes.geometry());
        String cleanName = name(name, shapes.firstName(), fileName);
        long id = jdbc.sql("""
                insert into geo_perimeter (establishment_id, name, kind, geometry, created_by) values (?, ?, ?, ?, ?) returning id""")
                .params(establishmentId, cleanName, zip ? "shapefile" : "geojson", Wgs84.geoJson(geometry), userId)
                .query(Long.class).single();
        link(id, geometry, establishments.perimeter(establishmentId));
        return get(scope, id);
    }

    /** Deletes a perimeter of the scope's establishment (its links go with it). */
    @CanWrite
    public void delete(TerritoryScope scope, long id) {
        int deleted = scope.establishmentId() == null ? 0
                : jdbc.sql("delete from geo_perimeter where id = ? and establishment_id = ?").params(id, scope.establishmentId()).update();
        if (deleted == 0) {
            throw new PerimeterNotFoundException();
        }
    }

    /**
     * Recomputes the dwellings inside the perimeters of every establishment whose communes meet these
     * (all perimeters when empty): for imports, which add dwellings or move their coordinates.
     *
     * @return the number of perimeters recomputed
     */
    @CanWrite
    public int recompute(Collection<String> communeCodes) {
        boolean all = communeCodes == null || communeCodes.isEmpty();
        Set<String> codes = all ? Set.of() : Set.copyOf(communeCodes);
        record Stored(long id, long establishmentId, String geometry) {
        }
        List<Stored> perimeters = jdbc.sql("select id, establishment_id, geometry from geo_perimeter where geometry is not null order by id")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        int done = 0;
        for (Stored perimeter : perimeters) {
            Set<String> communes = establishments.perimeter(perimeter.establishmentId());
            if (all || communes.stream().anyMatch(codes::contains)) {
                MultiPolygon geometry = Wgs84.normalise(GeoJsonReader.read(perimeter.geometry().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), json).geometry());
                jdbc.sql("delete from housing_geo_perimeter where perimeter_id = ?").param(perimeter.id()).update();
                link(perimeter.id(), geometry, communes);
                done++;
            }
        }
        return done;
    }

    /** Point-in-polygon over the dwellings of the communes whose coordinates fall in the envelope. */
    private void link(long perimeterId, MultiPolygon geometry, Set<String> communes) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(geometry);
        Envelope envelope = geometry.getEnvelopeInternal();
        List<Long> inside = new ArrayList<>();
        jdbc.sql("""
                select id, longitude, latitude from housing
                 where commune_code = any(?) and longitude between ? and ? and latitude between ? and ?""")
                .params(communes.toArray(String[]::new), envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY())
                .query(rs -> {
                    if (prepared.covers(Wgs84.FACTORY.createPoint(new Coordinate(rs.getDouble(2), rs.getDouble(3))))) {
                        inside.add(rs.getLong(1));
                    }
                });
        if (!inside.isEmpty()) {
            jdbc.sql("insert into housing_geo_perimeter (housing_id, perimeter_id) select v, ? from unnest(?::bigint[]) v on conflict do nothing")
                    .params(perimeterId, inside.toArray(Long[]::new)).update();
        }
    }

    private static String name(String given, String fromFile, String fileName) {
        String name = given != null && !given.isBlank() ? given.strip()
                : fromFile != null && !fromFile.isBlank() ? fromFile.strip()
                : fileName != null && !fileName.isBlank() ? fileName.strip().replaceAll("\\.(zip|geojson|json)$", "") : "";
        if (name.isEmpty()) {
            throw new PerimeterInputException("Le nom du périmètre est obligatoire.");
        }
        if (name.length() > NAME_MAX) {
            throw new PerimeterInputException("Le nom du périmètre ne doit pas dépasser " + NAME_MAX + " caractères.");
        }
        return name;
    }

    private static long establishmentOf(TerritoryScope scope) {
        if (scope.establishmentId() == null) {
            throw new PerimeterInputException("Un périmètre appartient à un établissement : vous n'agissez pour aucun.");
        }
        return scope.establishmentId();
    }
}
