package fr.zlv.access.web;

import fr.zlv.access.MailOutbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox: every mail of the product, readable here when no SMTP server is configured. */
@Controller
class AdminMailController {

    private final MailOutbox outbox;

    AdminMailController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/courriels")
    String mails(Model model) {
        model.addAttribute("mails", outbox.latest(200));
        return "access/admin-mails";
    }
}
