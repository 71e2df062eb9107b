package fr.zlv.groups.web;

import fr.zlv.groups.GroupView;
import fr.zlv.shared.web.Attachment;
import java.time.LocalDate;

/** Export file names: "groupe-<name>-<date>.xlsx", ASCII fallback plus the UTF-8 form. */
final class GroupFiles {

    private GroupFiles() {
    }

    static String attachment(GroupView group, String extension) {
        return Attachment.header("groupe-" + group.name() + "-" + LocalDate.now() + "." + extension);
    }
}
