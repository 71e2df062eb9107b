package fr.zlv.campaign;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.housing.DocumentFiles;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Documents attached to a campaign (the printed letter, a flyer…), with the rules of the dwellings'
 * documents (≤ 25 MiB, PDF, images, office files recognised from their content). Private like the
 * campaign: another establishment's campaign is not found.
 */
@Service
@Transactional
public class CampaignDocuments {

    /** An open document to send back (the caller closes the stream). */
    public record Content(CampaignDocumentView document, InputStream stream) {
    }

    private final CampaignManagement campaigns;
    private final CampaignRepository repository;
    private final DocumentFiles files;
    private final AccessManagement access;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CampaignDocuments(CampaignManagement campaigns, CampaignRepository repository, DocumentFiles files,
                      AccessManagement access, JdbcClient jdbc, ObjectMapper json) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.files = files;
        this.access = access;
        this.jdbc = jdbc;
        this.json = json;
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<CampaignDocumentView> list(long campaignId) {
        campaigns.get(campaignId);
        return jdbc.sql("""
                select d.id, d.campaign_id, d.file_name, d.content_type, d.size_bytes, d.created_at,
                       coalesce(nullif(trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), ''), u.email, 'Système')
                  from campaign_document d left join app_user u on u.id = d.created_by
                 where d.campaign_id = ? order by d.created_at desc, d.id desc""")
                .param(campaignId).query((rs, n) -> new CampaignDocumentView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(7), rs.getObject(6, OffsetDateTime.class))).list();
    }

    @CanWrite
    public CampaignDocumentView upload(long campaignId, String originalName, InputStream content) {
        campaigns.get(campaignId);
        DocumentFiles.Stored file = files.store("campaign/" + campaignId + "/", originalName, content);
        Long userId = access.me().map(UserView::id).orElse(null);
        long id = jdbc.sql("""
                insert into campaign_document (campaign_id, file_name, content_type, size_bytes, storage_key, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(campaignId, file.fileName(), file.contentType(), file.size(), file.key(), userId).query(Long.class).single();
        repository.event(campaignId, CampaignEvents.DOCUMENT_ADDED, userId, null,
                json.writeValueAsString(Map.of("id", id, "fileName", file.fileName(), "size", file.size())));
        return find(campaignId, id);
    }

    @AnyRole
    @Transactional(readOnly = true)
    public Content open(long campaignId, long documentId) {
        CampaignDocumentView document = find(campaignId, documentId);
        try {
            return new Content(document, files.open(key(documentId)));
        } catch (IOException e) {
            throw new CampaignNotFoundException();
        }
    }

    @CanWrite
    public void delete(long campaignId, long documentId) {
        CampaignDocumentView document = find(campaignId, documentId);
        String key = key(documentId);
        jdbc.sql("delete from campaign_document where id = ?").param(documentId).update();
        repository.event(campaignId, CampaignEvents.DOCUMENT_DELETED, access.me().map(UserView::id).orElse(null),
                json.writeValueAsString(Map.of("id", documentId, "fileName", document.fileName())), null);
        files.delete(key);
    }

    /** Deletes stored files whose records are gone (after a campaign was deleted). */
    @CanWrite
    public void deleteFiles(List<String> keys) {
        keys.forEach(files::delete);
    }

    private CampaignDocumentView find(long campaignId, long documentId) {
        return list(campaignId).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(CampaignNotFoundException::new);
    }

    private String key(long documentId) {
        return jdbc.sql("select storage_key from campaign_document where id = ?").param(documentId).query(String.class).single();
    }
}
