package fr.zlv.housing;

/**
 * The search keys' expressions (lower case, no accents), as the triggers of V33 compute them for any other
 * writer: a bulk load turns those triggers off and writes the keys itself with these, set-based. An address
 * key is written out rather than calling {@code zlv_address_key}: a PL/pgSQL call per row costs more.
 */
final class SearchKeys {

    private SearchKeys() {
    }

    /** The key of a name (owner's name, administrator). */
    static String name(String column) {
        return "public.immutable_unaccent(lower(" + column + "))";
    }

    /** The key of an address (text[] of lines). */
    static String address(String column) {
        return "public.immutable_unaccent(lower(array_to_string(" + column + ", ' ')))";
    }

    /** The owner's three keys (name, administrator, address), from the columns of {@code alias}. */
    static String ownerKeyValues(String alias) {
        return name(alias + ".full_name") + ", " + name(alias + ".administrator") + ", "
                + address(alias + ".address_dgfip");
    }

    /** The same, named like the owner's columns, for a select list. */
    static String ownerKeys(String alias) {
        return name(alias + ".full_name") + " as name_key, " + name(alias + ".administrator") + " as administrator_key, "
                + address(alias + ".address_dgfip") + " as address_key";
    }
}
