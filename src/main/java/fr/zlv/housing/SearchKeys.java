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
        return ownerKeys(alias, "", "", "");
    }

    /** The same, named like the owner's columns, for a select list. */
    static String ownerKeys(String alias) {
        return ownerKeys(alias, " as name_key", " as administrator_key", " as address_key");
    }

    private static String ownerKeys(String alias, String name, String administrator, String address) {
        return name(alias + ".full_name") + name + ", " + name(alias + ".administrator") + administrator + ", "
                + address(alias + ".address_dgfip") + address;
    }
}
