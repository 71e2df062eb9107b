package fr.zlv.groups.web;

import fr.zlv.groups.GroupView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;

/** Export file names: "groupe-<name>-<date>.xlsx", ASCII fallback plus the UTF-8 form. */
final class GroupFiles {

    private GroupFiles() {
    }

    static String attachment(GroupView group, String extension) {
        String name = "groupe-" + group.name() + "-" + LocalDate.now() + "." + extension;
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
