package fr.zlv.groups;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "Campagnes" cell of an export: the titles of the exporting establishment's campaigns that hold a
 * dwelling, oldest first (created_at, then id), joined with ", " — as the former per-dwelling
 * {@code string_agg(title, ', ' order by created_at, id)} did. The establishment's campaigns are read once
 * per export (a few hundred at most); each dwelling's row brings the ids of the campaigns that hold it, and
 * the ids of other establishments' campaigns are left out here.
 */
final class CampaignTitles {

    private final Map<Long, Integer> rankById = new HashMap<>();
    private final List<String> titlesByRank;

    private CampaignTitles(List<Long> ids, List<String> titles) {
        for (int i = 0; i < ids.size(); i++) {
            rankById.put(ids.get(i), i);
        }
        this.titlesByRank = titles;
    }

    /** The campaigns of the establishment (none for a caller without one, as before). */
    static CampaignTitles of(JdbcTemplate jdbc, Long establishmentId) {
        if (establishmentId == null) {
            return new CampaignTitles(List.of(), List.of());
        }
        List<Long> ids = new java.util.ArrayList<>();
        List<String> titles = new java.util.ArrayList<>();
        jdbc.query("select id, title from campaign where establishment_id = ? order by created_at, id", rs -> {
            ids.add(rs.getLong(1));
            titles.add(rs.getString(2));
        }, establishmentId);
        return new CampaignTitles(ids, titles);
    }

    /** Null when none of the establishment's campaigns holds the dwelling (an empty cell, as before). */
    String titles(Array campaignIds) throws SQLException {
        if (campaignIds == null) {
            return null;
        }
        Long[] ids = (Long[]) campaignIds.getArray();
        int[] ranks = new int[ids.length];
        int count = 0;
        for (Long id : ids) {
            Integer rank = rankById.get(id);
            if (rank != null) {
                ranks[count++] = rank;
            }
        }
        if (count == 0) {
            return null;
        }
        if (count == 1) {
            return titlesByRank.get(ranks[0]);
        }
        Arrays.sort(ranks, 0, count);
        StringBuilder text = new StringBuilder(titlesByRank.get(ranks[0]));
        for (int i = 1; i < count; i++) {
            text.append(", ").append(titlesByRank.get(ranks[i]));
        }
        return text.toString();
    }
}
