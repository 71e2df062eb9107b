package fr.zlv.ownerportal;

import fr.zlv.access.MailOutbox;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.security.AdminOnly;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One e-mail per establishment listing the owners' answers it has not been told about yet, sent to its
 * agents by a recurring job ({@link OwnerPortalJobs}). The mail names dwellings and campaigns only; the
 * owners' contact details stay behind sign-in on the campaign's answers page.
 */
@Service
public class OwnerAnswerDigest {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private record Pending(long id, long establishmentId, String establishmentName, long campaignId, String campaignTitle,
                           String address, boolean stillVacant, String currentUse, String intention, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final MailOutbox mail;
    private final ZlvProperties properties;

    OwnerAnswerDigest(JdbcClient jdbc, MailOutbox mail, ZlvProperties properties) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.properties = properties;
    }

    /**
     * Sends the pending digests and marks their answers sent; returns the number of e-mails sent. Rows are
     * taken with {@code skip locked}, so two instances running the job never mail the same answer twice.
     */
    @AdminOnly
    @Transactional
    public int sendPending() {
        List<Pending> pending = jdbc.sql("""
                select a.id, e.id as establishment_id, e.name as establishment_name, k.id as campaign_id, k.title,
                       concat_ws(', ', array_to_string(h.address_dgfip, ' '), cm.name) as address,
                       a.still_vacant, a.current_use, a.intention, a.created_at
                  from owner_answer a
                  join campaign k on k.id = a.campaign_id
                  join establishment e on e.id = k.establishment_id
                  join housing h on h.id = a.housing_id
                  left join commune cm on cm.code = h.commune_code
                 where a.digest_sent_at is null
                 order by e.id, k.id, a.created_at, a.id
                   for update of a skip locked""")
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("establishment_id"), rs.getString("establishment_name"),
                        rs.getLong("campaign_id"), rs.getString("title"), rs.getString("address"), rs.getBoolean("still_vacant"),
                        rs.getString("current_use"), rs.getString("intention"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        Map<Long, List<Pending>> byEstablishment = new LinkedHashMap<>();
        pending.forEach(p -> byEstablishment.computeIfAbsent(p.establishmentId(), k -> new ArrayList<>()).add(p));
        int sent = 0;
        for (var entry : byEstablishment.entrySet()) {
            List<Pending> answers = entry.getValue();
            String subject = answers.size() == 1 ? "1 nouvelle réponse de propriétaire"
                    : answers.size() + " nouvelles réponses de propriétaires";
            String body = body(answers);
            for (String to : recipients(entry.getKey())) {
                mail.send(to, subject + " — Zéro Logement Vacant", body);
                sent++;
            }
        }
        if (!pending.isEmpty()) {
            // an establishment without agents is marked too: its answers wait on the campaign page
            jdbc.sql("update owner_answer set digest_sent_at = now() where id = any(?)")
                    .param(pending.stream().map(Pending::id).toArray(Long[]::new)).update();
        }
        return sent;
    }

    /** The establishment's active agents (access module's membership table). */
    private List<String> recipients(long establishmentId) {
        return jdbc.sql("""
                select u.email from user_membership m join app_user u on u.id = m.user_id
                 where m.establishment_id = ? and not u.suspended and u.role = 'USUAL'
                 order by u.email""")
                .param(establishmentId).query(String.class).list();
    }

    private String body(List<Pending> answers) {
        StringBuilder s = new StringBuilder("Bonjour,\n\n");
        s.append(answers.size() == 1 ? "Un propriétaire a répondu" : answers.size() + " propriétaires ont répondu")
                .append(" en ligne au courrier de ").append(answers.getFirst().establishmentName()).append(".\n");
        long campaign = -1;
        for (Pending p : answers) {
            if (p.campaignId() != campaign) {
                campaign = p.campaignId();
                s.append("\nCampagne « ").append(p.campaignTitle()).append(" » : ").append(publicUrl())
                        .append("/campagnes/").append(p.campaignId()).append("/reponses\n");
            }
            s.append("- ").append(p.address()).append(" : ")
                    .append(p.stillVacant() ? "toujours vacant" : "plus vacant (" + AnswerChoices.currentUseLabel(p.currentUse()) + ")");
            if (p.intention() != null) {
                s.append(", intention : ").append(AnswerChoices.intentionLabel(p.intention()));
            }
            s.append(" (le ").append(WHEN.format(p.createdAt())).append(")\n");
        }
        s.append("""

                Les réponses complètes, et les coordonnées des propriétaires qui acceptent d'être recontactés, sont \
                sur la page des réponses de chaque campagne (connexion requise).

                Zéro Logement Vacant
                """);
        return s.toString();
    }

    private String publicUrl() {
        String url = properties.publicUrl() == null || properties.publicUrl().isBlank() ? "http://localhost:8080"
                : properties.publicUrl().trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
