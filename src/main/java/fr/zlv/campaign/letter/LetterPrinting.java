package fr.zlv.campaign.letter;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.campaign.OwnerAccessCodes;
import fr.zlv.campaign.letter.LetterRepository.CampaignRef;
import fr.zlv.campaign.letter.LetterRepository.ExcludedHousing;
import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printed letters of a campaign: one letter per dwelling whose primary owner may be contacted,
 * each with the owner's access code and a QR code of the answer page, merged into one PDF file.
 * Generating them reads owners' names and addresses: one row goes to the personal-data log.
 */
@Service
@Transactional
public class LetterPrinting {

    static final String AUDIT_ACTION = "print-campaign-letters";

    /** The merged PDF in a temporary file; closing deletes it. */
    public record PrintedLetters(Path file, String campaignTitle, int letters, int pages, List<ExcludedHousing> excluded)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is cleaned by the system
            }
        }
    }

    private final LetterManagement letters;
    private final LetterRepository repository;
    private final LetterBatchPrinter printer;
    private final LetterPdfRenderer renderer;
    private final OwnerAccessCodes codes;
    private final AccessManagement access;
    private final ZlvProperties properties;
    private final JdbcClient jdbc;

    LetterPrinting(LetterManagement letters, LetterRepository repository, LetterBatchPrinter printer, LetterPdfRenderer renderer,
                   OwnerAccessCodes codes, AccessManagement access, ZlvProperties properties, JdbcClient jdbc) {
        this.letters = letters;
        this.repository = repository;
        this.printer = printer;
        this.renderer = renderer;
        this.codes = codes;
        this.access = access;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** Checks that the campaign is the caller's before anything is streamed (another's: not found). */
    @AnyRole
    @Transactional(readOnly = true)
    public String check(long campaignId) {
        return letters.campaign(campaignId, access.currentScope()).title();
    }

    /**
     * Makes the missing access codes and prints every letter of the campaign into a temporary file.
     * The caller streams it, then closes the result.
     */
    @CanWrite
    public PrintedLetters print(long campaignId) {
        TerritoryScope scope = access.currentScope();
        CampaignRef campaign = letters.campaign(campaignId, scope);
        LetterSettings settings = letters.settingsOf(campaign);
        codes.ensureCodes(campaignId);
        audit(scope, campaignId);
        LetterTemplate template = LetterTemplate.compile(settings, properties.publicUrl(), letters.presentImages(settings));
        Path file = null;
        try {
            file = Files.createTempFile("zlv-courriers-", ".pdf");
            Path target = file;
            var printed = printer.print(template, letters.imageBytes(settings),
                    sink -> repository.forEachRecipient(campaignId, scope, null, sink), target);
            return new PrintedLetters(target, campaign.title(), printed.letters(), printed.pages(),
                    repository.excluded(campaignId, scope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** The saved letter for the campaign's first recipient, with a sample code (no code is made). */
    @AnyRole
    @Transactional(readOnly = true)
    public byte[] previewPdf(long campaignId) {
        TerritoryScope scope = access.currentScope();
        LetterSettings settings = letters.settingsOf(letters.campaign(campaignId, scope));
        LetterTemplate template = LetterTemplate.compile(settings, properties.publicUrl(), letters.presentImages(settings));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var recipient = repository.firstRecipientWithoutCode(campaignId, scope);
        renderer.render(recipient.map(r -> template.document(List.of(r))).orElse(LetterTemplate.emptyDocument()),
                letters.imageBytes(settings), out);
        return out.toByteArray();
    }

    private void audit(TerritoryScope scope, long campaignId) {
        if (scope.systemScope()) {
            return; // jobs and the command line are not people reading data
        }
        jdbc.sql("""
                insert into personal_data_access (user_id, establishment_id, action, subject_kind, subject_id)
                values (?, ?, ?, 'campaign', ?)""")
                .params(access.me().map(UserView::id).orElse(null), scope.establishmentId(), AUDIT_ACTION,
                        String.valueOf(campaignId)).update();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // cleaned by the system
            }
        }
    }
}
