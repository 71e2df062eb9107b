package fr.zlv.access;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a mail over SMTP when {@code spring.mail.host} is configured (Boot then provides a
 * JavaMailSender), and keeps every mail in the outbox table, so that a local run without SMTP
 * still lets an admin copy invitation and reset links from {@code /admin/courriels}. The sender
 * address is {@code zlv.mail-from} ({@code ZLV_MAIL_FROM}).
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
           @Value("${zlv.mail-from:ne-pas-repondre@zlv.beta.gouv.fr}") String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
    }

    void send(String to, String subject, String body) {
        JavaMailSender smtp = sender.getIfAvailable();
        String status = "KEPT";
        String error = null;
        if (smtp != null) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to);
                message.setSubject(subject);
                message.setText(body);
                smtp.send(message);
                status = "SENT";
            } catch (RuntimeException e) {
                // the mail stays readable in the outbox; the user-facing flow must not fail for it
                status = "FAILED";
                error = e.getMessage();
                log.warn("Mail to {} not sent: {}", to, e.getMessage());
            }
        }
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, body, status, error, sent_at)
                values (?, ?, ?, ?, ?, case when ? = 'SENT' then now() end)
                """).params(to, subject, body, status, error, status).update();
    }

    List<OutboxMailView> latest(int limit) {
        return jdbc.sql("""
                select id, recipient, subject, body, status, error, created_at, sent_at
                from mail_outbox order by created_at desc, id desc limit ?
                """).param(limit).query((rs, n) -> new OutboxMailView(rs.getLong("id"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("status"), rs.getString("error"),
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getObject("sent_at", java.time.OffsetDateTime.class))).list();
    }
}
