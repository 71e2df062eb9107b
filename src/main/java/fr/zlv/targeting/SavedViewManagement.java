package fr.zlv.targeting;

import fr.zlv.shared.security.AnyRole;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** Named views of the housing list, private to their user. */
@Service
@Transactional
public class SavedViewManagement {

    private final JdbcClient jdbc;

    SavedViewManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<SavedView> list(long userId) {
        return jdbc.sql("select id, name, query_string from saved_view where user_id = ? order by lower(name), id")
                .param(userId).query((rs, n) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Saves (or replaces, under the same name) the filters of a query string; they are checked first
     * so that a saved view always opens.
     *
     * @throws InvalidFilterException naming the field when the name is missing or the filters are wrong
     */
    @AnyRole
    public SavedView save(long userId, Long establishmentId, String name, String queryString) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidFilterException("Le champ « Nom de la vue » est obligatoire.");
        }
        if (clean.length() > 100) {
            throw new InvalidFilterException("Le champ « Nom de la vue » ne doit pas dépasser 100 caractères.");
        }
        String query = queryString == null ? "" : queryString.strip();
        if (query.startsWith("?")) {
            query = query.substring(1);
        }
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(query).build().getQueryParams().forEach((k, v) -> parameters.put(k,
                v.stream().map(s -> s == null ? "" : java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8))
                        .toArray(String[]::new)));
        HousingFilter filter = HousingFilter.parse(parameters, ListRequest.PARAMETERS);
        ListRequest paging = ListRequest.parse(parameters);
        String canonical = filter.toQueryString();
        if (!paging.orders().isEmpty()) {
            canonical += (canonical.isEmpty() ? "" : "&") + "sort=" + paging.sortParameter();
        }
        String stored = canonical;
        long id = jdbc.sql("""
                insert into saved_view (user_id, establishment_id, name, query_string) values (?, ?, ?, ?)
                on conflict (user_id, name) do update set query_string = excluded.query_string,
                                                          establishment_id = excluded.establishment_id
                returning id""").params(userId, establishmentId, clean, stored).query(Long.class).single();
        return new SavedView(id, clean, stored);
    }

    /** Deletes one of the user's views; another user's view is left alone (and reported as absent). */
    @AnyRole
    public boolean delete(long userId, long viewId) {
        return jdbc.sql("delete from saved_view where id = ? and user_id = ?").params(viewId, userId).update() == 1;
    }
}
