package fr.zlv.campaign.letter;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.campaign.letter.LetterRepository.CampaignRef;
import fr.zlv.campaign.letter.LetterRepository.ExcludedHousing;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter of a campaign and the establishment's defaults: read, save (body through the
 * allow-list, images checked), the excluded dwellings and the live preview for a real recipient.
 * A campaign of another establishment is not found.
 */
@Service
@Transactional
public class LetterManagement {

    /** Image slots, as named in forms and in the renderer. */
    public static final List<String> IMAGE_SLOTS = List.of(LetterTemplate.LOGO1, LetterTemplate.LOGO2,
            LetterTemplate.SIGNATURE1, LetterTemplate.SIGNATURE2);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_BODY = 100_000;

    /** The letter of a campaign as the editor shows it. */
    public record CampaignLetter(long campaignId, String campaignTitle, LetterSettings settings, boolean saved,
                                 int recipientCount, List<ExcludedHousing> excluded) {
    }

    private final LetterRepository repository;
    private final LetterImages images;
    private final LetterImageCleanup cleanup;
    private final AccessManagement access;
    private final ZlvProperties properties;

    LetterManagement(LetterRepository repository, LetterImages images, LetterImageCleanup cleanup, AccessManagement access,
                     ZlvProperties properties) {
        this.repository = repository;
        this.images = images;
        this.cleanup = cleanup;
        this.access = access;
        this.properties = properties;
    }

    /** The campaign's letter; before its first save, the establishment's defaults (or an empty letter). */
    @AnyRole
    @Transactional(readOnly = true)
    public CampaignLetter letter(long campaignId) {
        TerritoryScope scope = access.currentScope();
        CampaignRef campaign = campaign(campaignId, scope);
        boolean saved = repository.forCampaign(campaignId).isPresent();
        return new CampaignLetter(campaign.id(), campaign.title(), settingsOf(campaign), saved,
                repository.countRecipients(campaignId, scope), repository.excluded(campaignId, scope));
    }

    /** The dwellings of the campaign that get no letter (owner not to be contacted, no primary owner). */
    @AnyRole
    @Transactional(readOnly = true)
    public List<ExcludedHousing> excluded(long campaignId) {
        TerritoryScope scope = access.currentScope();
        campaign(campaignId, scope);
        return repository.excluded(campaignId, scope);
    }

    /**
     * Saves the campaign's letter. {@code uploads} holds new images by slot, {@code removed} the slots to
     * empty; the other images stay as they were (for a first save: the defaults' images). Images the
     * letter no longer names are deleted after the commit unless another letter names them.
     */
    @CanWrite
    public LetterSettings save(long campaignId, LetterSettings text, Map<String, byte[]> uploads, Set<String> removed) {
        TerritoryScope scope = access.currentScope();
        CampaignRef campaign = campaign(campaignId, scope);
        LetterSettings current = repository.forCampaign(campaignId)
                .or(() -> repository.defaults(campaign.establishmentId())).orElse(LetterSettings.empty());
        LetterSettings checked = withImages(check(text), current, uploads, removed, campaign.establishmentId());
        imagesStillThere(() -> repository.saveForCampaign(campaignId, campaign.establishmentId(), checked, userId()));
        cleanup.releaseAfterCommit(droppedImages(current, checked));
        return checked;
    }

    /** The establishment's defaults (sender, logos, signatories…) that prefill a new campaign's letter. */
    @AnyRole
    @Transactional(readOnly = true)
    public LetterSettings defaults() {
        return repository.defaults(establishment()).orElse(LetterSettings.empty()).sanitised();
    }

    @CanWrite
    public LetterSettings saveDefaults(LetterSettings text, Map<String, byte[]> uploads, Set<String> removed) {
        long establishmentId = establishment();
        LetterSettings current = repository.defaults(establishmentId).orElse(LetterSettings.empty());
        LetterSettings checked = withImages(check(text), current, uploads, removed, establishmentId);
        imagesStillThere(() -> repository.saveDefaults(establishmentId, checked, userId()));
        cleanup.releaseAfterCommit(droppedImages(current, checked));
        return checked;
    }

    /** An image of the campaign's letter (or of the defaults, when the campaign has no letter yet). */
    @AnyRole
    @Transactional(readOnly = true)
    public java.util.Optional<byte[]> image(long campaignId, String slot) {
        return key(settingsOf(campaign(campaignId, access.currentScope())), slot).flatMap(images::read);
    }

    @AnyRole
    @Transactional(readOnly = true)
    public java.util.Optional<byte[]> defaultImage(String slot) {
        return key(defaults(), slot).flatMap(images::read);
    }

    /**
     * The live preview: the draft letter (not saved) filled in for the campaign's first recipient, as
     * an HTML fragment for the editor page. Images come from the saved letter.
     */
    @AnyRole
    @Transactional(readOnly = true)
    public String preview(long campaignId, LetterSettings draft, String imageUrlPrefix) {
        TerritoryScope scope = access.currentScope();
        LetterSettings saved = settingsOf(campaign(campaignId, scope));
        LetterSettings letter = check(draft).withImages(saved.logo1Key(), saved.logo2Key(), saved.signatory1ImageKey(),
                saved.signatory2ImageKey());
        var recipient = repository.firstRecipientWithoutCode(campaignId, scope);
        if (recipient.isEmpty()) {
            return null;
        }
        LetterTemplate template = LetterTemplate.compile(letter, properties.publicUrl(), presentImages(letter));
        return template.screenPreview(recipient.get(), imageUrlPrefix);
    }

    /** The campaign's saved letter, else the establishment's defaults, else an empty letter; sanitised again. */
    LetterSettings settingsOf(CampaignRef campaign) {
        return repository.forCampaign(campaign.id())
                .or(() -> repository.defaults(campaign.establishmentId()))
                .orElse(LetterSettings.empty()).sanitised();
    }

    CampaignRef campaign(long campaignId, TerritoryScope scope) {
        return repository.campaign(campaignId, scope).orElseThrow(LetterNotFoundException::new);
    }

    /** Names of the image slots of a letter whose file exists. */
    Set<String> presentImages(LetterSettings s) {
        Set<String> present = new LinkedHashSet<>();
        for (String slot : IMAGE_SLOTS) {
            key(s, slot).flatMap(images::read).ifPresent(bytes -> present.add(slot));
        }
        return present;
    }

    Map<String, byte[]> imageBytes(LetterSettings s) {
        Map<String, byte[]> bytes = new HashMap<>();
        for (String slot : IMAGE_SLOTS) {
            key(s, slot).flatMap(images::read).ifPresent(b -> bytes.put(slot, b));
        }
        return bytes;
    }

    static java.util.Optional<String> key(LetterSettings s, String slot) {
        return java.util.Optional.ofNullable(switch (slot) {
            case LetterTemplate.LOGO1 -> s.logo1Key();
            case LetterTemplate.LOGO2 -> s.logo2Key();
            case LetterTemplate.SIGNATURE1 -> s.signatory1ImageKey();
            case LetterTemplate.SIGNATURE2 -> s.signatory2ImageKey();
            default -> null;
        });
    }

    /**
     * The texts with the images: the current ones, less the removed slots, with the uploads stored. Every
     * slot and upload is checked before anything is stored, so that a refused form leaves no file behind.
     */
    private LetterSettings withImages(LetterSettings text, LetterSettings current, Map<String, byte[]> uploads,
                                      Set<String> removed, long establishmentId) {
        Map<String, byte[]> accepted = checkedUploads(uploads, removed);
        Map<String, String> keys = new HashMap<>();
        for (String slot : IMAGE_SLOTS) {
            key(current, slot).ifPresent(k -> keys.put(slot, k));
            if (removed != null && removed.contains(slot)) {
                keys.remove(slot);
            }
        }
        accepted.forEach((slot, bytes) -> keys.put(slot, images.store(establishmentId, slotLabel(slot), bytes)));
        return text.withImages(keys.get(LetterTemplate.LOGO1), keys.get(LetterTemplate.LOGO2),
                keys.get(LetterTemplate.SIGNATURE1), keys.get(LetterTemplate.SIGNATURE2));
    }

    private static Map<String, byte[]> checkedUploads(Map<String, byte[]> uploads, Set<String> removed) {
        if (removed != null) {
            for (String slot : removed) {
                if (!IMAGE_SLOTS.contains(slot)) {
                    throw new LetterInputException("Image à retirer inconnue : « " + shown(slot) + " ». Les images d'un "
                            + "courrier sont : Logo 1, Logo 2, Signature du signataire 1 et Signature du signataire 2.");
                }
            }
        }
        Map<String, byte[]> accepted = new LinkedHashMap<>();
        if (uploads != null) {
            for (var upload : uploads.entrySet()) {
                if (!IMAGE_SLOTS.contains(upload.getKey())) {
                    throw new LetterInputException("Emplacement d'image inconnu : « " + shown(upload.getKey()) + " ».");
                }
                if (upload.getValue() != null && upload.getValue().length > 0) {
                    LetterImages.check(slotLabel(upload.getKey()), upload.getValue());
                    accepted.put(upload.getKey(), upload.getValue());
                }
            }
        }
        return accepted;
    }

    /**
     * Runs a save whose images were read a moment ago: should one of them have been deleted meanwhile (the
     * defaults' logo replaced in another tab just before a first save copies it), the letters' foreign
     * keys refuse the save, and the agent is told to reload instead of getting an error page.
     */
    private static void imagesStillThere(Runnable save) {
        try {
            save.run();
        } catch (DataIntegrityViolationException e) {
            String cause = String.valueOf(e.getMostSpecificCause().getMessage());
            if (cause.contains("letter_settings_") && cause.contains("_image")) {
                throw new LetterInputException("Une image de ce courrier vient d'être remplacée ou retirée par ailleurs : "
                        + "rechargez la page puis enregistrez de nouveau.");
            }
            throw e;
        }
    }

    /** A value sent by the caller, cut short enough to be quoted in a message. */
    private static String shown(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The image keys the letter named before the save and no longer names. */
    private static Set<String> droppedImages(LetterSettings before, LetterSettings after) {
        Set<String> dropped = new LinkedHashSet<>();
        for (String slot : IMAGE_SLOTS) {
            key(before, slot).ifPresent(dropped::add);
        }
        for (String slot : IMAGE_SLOTS) {
            key(after, slot).ifPresent(dropped::remove);
        }
        return dropped;
    }

    static String slotLabel(String slot) {
        return switch (slot) {
            case LetterTemplate.LOGO1 -> "Logo 1";
            case LetterTemplate.LOGO2 -> "Logo 2";
            case LetterTemplate.SIGNATURE1 -> "Signature du signataire 1";
            default -> "Signature du signataire 2";
        };
    }

    /** Trims, checks lengths and the e-mail, passes the body through the allow-list. */
    static LetterSettings check(LetterSettings s) {
        if (s == null) {
            throw new LetterInputException("Le courrier est vide.");
        }
        String email = trim("Adresse électronique de l'expéditeur", s.senderEmail(), 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new LetterInputException("Adresse électronique de l'expéditeur : saisissez une adresse au format nom@domaine.fr.");
        }
        if (s.bodyHtml() != null && s.bodyHtml().length() > MAX_BODY) {
            throw new LetterInputException("Corps du courrier : 100 000 caractères au plus.");
        }
        return new LetterSettings(trim("Nom de l'expéditeur", s.senderName(), 200), trim("Service", s.senderService(), 200),
                trim("Adresse de l'expéditeur", s.senderAddress(), 500), email, trim("Téléphone", s.senderPhone(), 50),
                s.logo1Key(), s.logo2Key(), trim("Nom du signataire 1", s.signatory1Name(), 200),
                trim("Fonction du signataire 1", s.signatory1Role(), 200), s.signatory1ImageKey(),
                trim("Nom du signataire 2", s.signatory2Name(), 200), trim("Fonction du signataire 2", s.signatory2Role(), 200),
                s.signatory2ImageKey(), trim("Lieu (« À … »)", s.writtenAt(), 200), s.writtenOn(),
                trim("Objet", s.subject(), 300), LetterSanitizer.sanitize(s.bodyHtml()));
    }

    private static String trim(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new LetterInputException(field + " : " + max + " caractères au plus.");
        }
        return trimmed;
    }

    private long establishment() {
        Long id = access.currentScope().establishmentId();
        if (id == null) {
            throw new LetterInputException("Choisissez d'abord la structure pour laquelle vous travaillez.");
        }
        return id;
    }

    private Long userId() {
        return access.me().map(UserView::id).orElse(null);
    }
}
