package fr.zlv.campaign.letter;

import fr.zlv.campaign.CampaignManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The letter pages: {@code /campagnes/{id}/courrier} (editor, live preview, excluded dwellings, PDF
 * download) and {@code /parametres/courrier} (the establishment's defaults).
 */
@Controller
class LetterPageController {

    private final LetterManagement letters;
    private final LetterPrinting printing;
    private final CampaignManagement campaigns;

    LetterPageController(LetterManagement letters, LetterPrinting printing, CampaignManagement campaigns) {
        this.letters = letters;
        this.printing = printing;
        this.campaigns = campaigns;
    }

    @GetMapping("/campagnes/{id}/courrier")
    String edit(@PathVariable long id, Model model) {
        var letter = letters.letter(id);
        model.addAttribute("campaign", campaigns.get(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", LetterForm.of(letter.settings()));
        }
        model.addAttribute("letter", letter);
        model.addAttribute("variables", LetterVariable.all());
        model.addAttribute("imageBase", "/campagnes/" + id + "/courrier/images/");
        model.addAttribute("images", letters.presentImages(letter.settings()));
        return "campaigns/letter";
    }

    @PostMapping("/campagnes/{id}/courrier")
    String save(@PathVariable long id, @ModelAttribute("form") LetterForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            letters.save(id, form.settings(), form.uploads(), form.removed());
        } catch (LetterInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return edit(id, model);
        }
        redirect.addFlashAttribute("notice", "Le courrier a été enregistré.");
        return "redirect:/campagnes/" + id + "/courrier";
    }

    /** The live preview of the editor: the letter being typed, for the campaign's first recipient. */
    @PostMapping(value = "/campagnes/{id}/courrier/apercu", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> preview(@PathVariable long id, @ModelAttribute LetterForm form) {
        String html;
        try {
            html = letters.preview(id, form.settings(), "/campagnes/" + id + "/courrier/images/");
        } catch (LetterInputException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                    .body("<p class=\"fr-error-text\">" + Xml.escape(e.getMessage()) + "</p>");
        }
        if (html == null) {
            html = "<p>Aucun logement de la campagne n'a de propriétaire principal à contacter : pas d'aperçu possible.</p>";
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    @GetMapping("/campagnes/{id}/courrier/apercu.pdf")
    ResponseEntity<byte[]> previewPdf(@PathVariable long id) {
        byte[] pdf = printing.previewPdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"apercu-courrier.pdf\"")
                .cacheControl(CacheControl.noStore()).body(pdf);
    }

    /** Every letter of the campaign in one PDF, streamed from a temporary file. */
    @GetMapping("/campagnes/{id}/courrier.pdf")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        printing.check(id);
        streamLetters(printing, id, response);
    }

    static void streamLetters(LetterPrinting printing, long id, HttpServletResponse response) throws IOException {
        try (var printed = printing.print(id)) {
            response.setContentType(MediaType.APPLICATION_PDF_VALUE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(printed.campaignTitle()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Letters", String.valueOf(printed.letters()));
            response.setHeader("X-Excluded", String.valueOf(printed.excluded().size()));
            response.setContentLengthLong(Files.size(printed.file()));
            try (InputStream in = Files.newInputStream(printed.file())) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    @GetMapping("/campagnes/{id}/courrier/images/{slot}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable String slot) {
        return image(letters.image(id, slot));
    }

    @GetMapping("/parametres/courrier")
    String defaults(Model model) {
        LetterSettings defaults = letters.defaults();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", LetterForm.of(defaults));
        }
        model.addAttribute("imageBase", "/parametres/courrier/images/");
        model.addAttribute("images", letters.presentImages(defaults));
        model.addAttribute("variables", LetterVariable.all());
        return "campaigns/letter-defaults";
    }

    @PostMapping("/parametres/courrier")
    String saveDefaults(@ModelAttribute("form") LetterForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        try {
            letters.saveDefaults(form.settings(), form.uploads(), form.removed());
        } catch (LetterInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return defaults(model);
        }
        redirect.addFlashAttribute("notice", "Les valeurs par défaut des courriers ont été enregistrées.");
        return "redirect:/parametres/courrier";
    }

    @GetMapping("/parametres/courrier/images/{slot}")
    ResponseEntity<byte[]> defaultImage(@PathVariable String slot) {
        return image(letters.defaultImage(slot));
    }

    private static ResponseEntity<byte[]> image(Optional<byte[]> bytes) {
        return bytes.map(b -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(LetterImages.extension(b).map(e -> e.equals("png") ? "image/png" : "image/jpeg")
                                .orElse("application/octet-stream")))
                        .cacheControl(CacheControl.noCache()).header("X-Content-Type-Options", "nosniff").body(b))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** "courriers-<title>-<date>.pdf", ASCII fallback plus the UTF-8 form. */
    static String attachment(String title) {
        String name = "courriers-" + title + "-" + LocalDate.now() + ".pdf";
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
