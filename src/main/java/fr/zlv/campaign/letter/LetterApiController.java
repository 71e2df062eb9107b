package fr.zlv.campaign.letter;

import fr.zlv.campaign.letter.LetterRepository.ExcludedHousing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The letter of a campaign over the API. Bodies are read as text and parsed only after the campaign
 * was found in the caller's establishment, so another establishment's campaign is a 404 whatever the body.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Courriers", description = "Courrier d'une campagne : contenu, courriers PDF avec codes d'accès et QR codes, logements exclus")
class LetterApiController {

    private final LetterManagement letters;
    private final LetterPrinting printing;
    private final ObjectMapper json;

    LetterApiController(LetterManagement letters, LetterPrinting printing, ObjectMapper json) {
        this.letters = letters;
        this.printing = printing;
        this.json = json;
    }

    /** The letter's texts; images are named by presence (they are uploaded from the editor page). */
    record LetterBody(String senderName, String senderService, String senderAddress, String senderEmail, String senderPhone,
                      String signatory1Name, String signatory1Role, String signatory2Name, String signatory2Role,
                      String writtenAt, LocalDate writtenOn, String subject, String bodyHtml, List<String> images,
                      Boolean saved) {

        static LetterBody of(LetterSettings s, Set<String> images, boolean saved) {
            return new LetterBody(s.senderName(), s.senderService(), s.senderAddress(), s.senderEmail(), s.senderPhone(),
                    s.signatory1Name(), s.signatory1Role(), s.signatory2Name(), s.signatory2Role(), s.writtenAt(), s.writtenOn(),
                    s.subject(), s.bodyHtml(), List.copyOf(images), saved);
        }

        LetterSettings settings() {
            return new LetterSettings(senderName, senderService, senderAddress, senderEmail, senderPhone, null, null,
                    signatory1Name, signatory1Role, null, signatory2Name, signatory2Role, null, writtenAt, writtenOn,
                    subject, bodyHtml);
        }
    }

    record Variable(String token, String label) {
    }

    record Excluded(int count, List<ExcludedHousing> items) {
    }

    @GetMapping("/letter")
    @Operation(summary = "Courrier de la campagne (avant le premier enregistrement : les valeurs par défaut de la structure). "
            + "bodyHtml est du HTML filtré (p, br, strong, em, u, listes, liens http/https/mailto, h2–h4, blockquote) ; "
            + "variables {{proprietaire.nom}}, {{logement.adresse}}… (voir /letter/variables)")
    LetterBody get(@PathVariable long id) {
        var letter = letters.letter(id);
        return LetterBody.of(letter.settings(), letters.presentImages(letter.settings()), letter.saved());
    }

    @GetMapping("/letter/variables")
    @Operation(summary = "Variables utilisables dans l'objet et le corps du courrier")
    List<Variable> variables(@PathVariable long id) {
        printing.check(id);
        return LetterVariable.all().stream().map(v -> new Variable(v.token(), v.label())).toList();
    }

    @PutMapping("/letter")
    @Operation(summary = "Enregistre le courrier (JSON, mêmes champs que GET sans images ni saved) ; le HTML est filtré avant stockage. "
            + "Les images déjà envoyées sont conservées.")
    LetterBody put(@PathVariable long id, @RequestBody(required = false) String body) {
        printing.check(id);
        LetterBody input;
        try {
            input = body == null || body.isBlank() ? null : json.readValue(body, LetterBody.class);
        } catch (JacksonException e) {
            throw new LetterInputException("Corps JSON illisible : " + e.getOriginalMessage());
        }
        if (input == null) {
            throw new LetterInputException("Corps JSON attendu : {senderName, subject, bodyHtml, …}.");
        }
        refuseImageKeys(json.readTree(body));
        LetterSettings saved = letters.save(id, input.settings(), null, Set.of());
        return LetterBody.of(saved, letters.presentImages(saved), true);
    }

    /** Fields naming a stored image: an image is never chosen by key (it could be another campaign's or establishment's). */
    private static final List<String> IMAGE_KEY_FIELDS = List.of("logo1Key", "logo2Key", "signatory1ImageKey", "signatory2ImageKey");

    private static void refuseImageKeys(tools.jackson.databind.JsonNode body) {
        for (String field : IMAGE_KEY_FIELDS) {
            if (body.has(field)) {
                throw new LetterInputException("Champ « " + field + " » refusé : les logos et signatures ne se désignent pas "
                        + "par l'API, ils s'envoient depuis la page « Courrier » de la campagne.");
            }
        }
    }

    @GetMapping("/letters/excluded")
    @Operation(summary = "Logements de la campagne sans courrier : propriétaire principal à ne pas contacter, ou aucun propriétaire principal")
    Excluded excluded(@PathVariable long id) {
        var items = letters.excluded(id);
        return new Excluded(items.size(), items);
    }

    // no "produces": a client asking for JSON must get the same 404 as others for a campaign that is not its own
    @GetMapping("/letters.pdf")
    @ApiResponse(responseCode = "200", description = "Le PDF des courriers",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @Operation(summary = "Tous les courriers de la campagne en un PDF (un courrier par logement ayant un propriétaire principal "
            + "à contacter, avec son code d'accès et son QR code). En-têtes X-Letters et X-Excluded : nombres de courriers et d'exclus.")
    void pdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        printing.check(id);
        LetterPageController.streamLetters(printing, id, response);
    }
}
