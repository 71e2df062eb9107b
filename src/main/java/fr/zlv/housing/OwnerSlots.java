package fr.zlv.housing;

import java.util.List;
import java.util.StringJoiner;

/**
 * The owners of a staged row, as flat columns of {@code lovac_stage}: six slots of the same fields
 * ({@code o1_key}, {@code o1_full_name}, … {@code o6_same_street}), empty slots null. Turned into one row per
 * owner by one scan per slot: extracting them from a json column cost a first national load 23 s (and its COPY
 * validated that json); a lateral {@code values} list of the six slots was twice slower than the json.
 */
final class OwnerSlots {

    /** A file row lists at most six owners (ff_*_1 to ff_*_6). */
    static final int COUNT = 6;

    /** Name and SQL type of each field of a slot, in COPY order. */
    private static final String[][] FIELDS = {
            {"rank", "integer"}, {"key", "text"}, {"idpersonne", "text"}, {"full_name", "text"},
            {"administrator", "text"}, {"birth_date", "date"}, {"address", "text[]"}, {"siren", "text"},
            {"kind_code", "text"}, {"entity", "text"}, {"legal_group", "text"}, {"property_right", "text"},
            {"owner_account_id", "text"}, {"property_right_id", "text"}, {"locprop", "text"},
            {"has_address", "boolean"}, {"postal_code", "text"}, {"city_key", "text"}, {"same_street", "boolean"}};

    private OwnerSlots() {
    }

    /** The staging columns of every slot, in COPY order. */
    static String columns() {
        return each((slot, field) -> "o" + slot + "_" + field[0]);
    }

    /** Their definitions, for {@code create table}. */
    static String definitions() {
        return each((slot, field) -> "o" + slot + "_" + field[0] + " " + field[1]);
    }

    /**
     * The owners of the rows of {@code stage}, one row per filled slot: {@code line_no} and the fields' plain
     * names. A relation (in parentheses) to alias.
     */
    static String rowsOf(String stage) {
        var slots = new StringJoiner(" union all ", "(", ")");
        for (int slot = 1; slot <= COUNT; slot++) {
            var fields = new StringJoiner(", ");
            for (String[] field : FIELDS) {
                fields.add("o" + slot + "_" + field[0] + " as " + field[0]);
            }
            slots.add("select line_no, " + fields + " from " + stage + " where o" + slot + "_key is not null");
        }
        return slots.toString();
    }

    /** Encodes the owners of a row into the slots, then nulls for the empty ones. */
    static void encode(List<BulkOwner> owners, List<String> dwellingAddress, CopyRowEncoder e) {
        if (owners.size() > COUNT) {
            throw new IllegalArgumentException("Plus de " + COUNT + " propriétaires sur une ligne : " + owners.size());
        }
        String streetKey = OwnerPlace.streetKey(dwellingAddress);
        for (BulkOwner o : owners) {
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
        e.nulls((COUNT - owners.size()) * FIELDS.length);
    }

    private interface Column {
        String of(int slot, String[] field);
    }

    private static String each(Column column) {
        var all = new StringJoiner(", ");
        for (int slot = 1; slot <= COUNT; slot++) {
            for (String[] field : FIELDS) {
                all.add(column.of(slot, field));
            }
        }
        return all.toString();
    }
}
