package fr.zlv.housing;

import java.util.List;
import java.util.StringJoiner;

/**
 * The owners of the staged rows, one row per owner in {@code lovac_scratch.owner_row}: the file's line, the
 * dwelling's local id, commune and département, then the owner's fields. Streamed by its own COPY on a
 * second connection while the dwellings stream into {@code lovac_stage}: the two backends parse in parallel, and
 * a first load's owners are then worked out on that connection while the import's transaction writes the
 * dwellings ({@link OwnerScratch}).
 */
final class OwnerStage {

    /** A file row lists at most six owners (ff_*_1 to ff_*_6). */
    static final int MAX_OWNERS = 6;

    static final String TABLE = "lovac_scratch.owner_row";

    /** Name and SQL type of each owner field, in COPY order after the dwelling's four. */
    private static final String[][] FIELDS = {
            {"rank", "integer"}, {"key", "text"}, {"idpersonne", "text"}, {"full_name", "text"},
            {"administrator", "text"}, {"birth_date", "date"}, {"address", "text[]"}, {"siren", "text"},
            {"kind_code", "text"}, {"entity", "text"}, {"legal_group", "text"}, {"property_right", "text"},
            {"owner_account_id", "text"}, {"property_right_id", "text"}, {"locprop", "text"},
            {"has_address", "boolean"}, {"postal_code", "text"}, {"city_key", "text"}, {"same_street", "boolean"}};

    /** How many fields an owner has. */
    static final int FIELD_COUNT = FIELDS.length;

    private OwnerStage() {
    }

    /** {@code create unlogged table} of the owner rows: scratch data, rebuilt by every import. */
    static String create() {
        var columns = new StringJoiner(", ");
        for (String[] field : FIELDS) {
            columns.add(field[0] + " " + field[1]);
        }
        return "create unlogged table " + TABLE + " (line_no bigint, local_id text, commune_code text, departement text, "
                + columns + ")";
    }

    static String copy() {
        var columns = new StringJoiner(", ");
        for (String[] field : FIELDS) {
            columns.add(field[0]);
        }
        return "copy " + TABLE + " (line_no, local_id, commune_code, departement, " + columns + ") from stdin";
    }

    /** Encodes the dwelling's part of its owners' rows: local id, commune and département (after the line number). */
    static void encodeDwelling(BulkHousing h, CopyRowEncoder e) {
        e.reset();
        e.text(h.localId());
        e.text(h.communeCode());
        e.text(h.departement());
    }

    /** Encodes one owner's fields; {@code streetKey} is the dwelling's, to tell an owner living at the dwelling. */
    static void encodeOwner(BulkOwner o, String streetKey, CopyRowEncoder e) {
        e.reset();
        e.number(o.rank());
        e.text(o.key());
        e.text(o.idpersonne());
        e.text(o.fullName());
        e.text(o.administrator());
        e.date(o.birthDate());
        e.array(o.addressLines());
        e.text(o.siren());
        e.text(o.kindCode());
        e.text(o.entity());
        e.text(o.legalGroup());
        e.text(o.propertyRight());
        e.text(o.ownerAccountId());
        e.text(o.propertyRightId());
        e.text(o.locprop());
        OwnerPlace place = OwnerPlace.of(o.addressLines(), streetKey);
        e.bool(place != null);
        e.text(place == null ? null : place.postalCode());
        e.text(place == null ? null : place.cityKey());
        e.bool(place == null ? null : place.sameStreet());
    }

    static void checkCount(List<BulkOwner> owners) {
        if (owners.size() > MAX_OWNERS) {
            throw new IllegalArgumentException("Plus de " + MAX_OWNERS + " propriétaires sur une ligne : " + owners.size());
        }
    }
}
