package fr.zlv.access;

import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.AnyRole;
import java.util.List;
import org.springframework.stereotype.Service;

/** Mails of the product: sent over SMTP when configured, always kept in the outbox admins can read. */
@Service
public class MailOutbox {

    private final Mailer mailer;

    MailOutbox(Mailer mailer) {
        this.mailer = mailer;
    }

    @AnyRole
    public void send(String to, String subject, String body) {
        mailer.send(to, subject, body);
    }

    @AdminOnly
    public List<OutboxMailView> latest(int limit) {
        return mailer.latest(Math.max(1, Math.min(limit, 500)));
    }
}
