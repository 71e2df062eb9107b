package fr.zlv.campaign.letter;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the letter images that no letter names any more: right after the commit of a change that
 * let go of some (an image replaced or removed, a campaign deleted), and every night for whatever such
 * a step missed (a crash between the commit and the deletion, an establishment deleted, a file left by a
 * failed upload).
 *
 * <p>The order keeps letters whole: first the rows, in their own transaction, only where no letter names
 * the image (the letters' foreign keys refuse the deletion should a letter name it meanwhile, e.g. a
 * follow-up campaign being created), then, once that is committed, the files.
 */
@Component
public class LetterImageCleanup {

    /** Files younger than this are left alone: their upload's transaction may still be running. */
    static final Duration UPLOAD_GRACE = Duration.ofHours(1);

    /** What a full cleanup deleted. */
    public record Orphans(int rows, int files) {
    }

    private static final Logger log = LoggerFactory.getLogger(LetterImageCleanup.class);
    private static final String UNREFERENCED = """
            not exists (select 1 from letter_settings s where s.logo1_key = i.key or s.logo2_key = i.key
                                                           or s.signatory1_image_key = i.key or s.signatory2_image_key = i.key)""";

    private final JdbcClient jdbc;
    private final LetterImages images;
    private final TransactionTemplate ownTransaction;

    LetterImageCleanup(JdbcClient jdbc, LetterImages images, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.images = images;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** To call before deleting a campaign: its letter's images are deleted after the commit unless still named. */
    public void releaseImagesOf(long campaignId) {
        releaseAfterCommit(jdbc.sql("""
                select k.key from letter_settings s
                 cross join lateral (values (s.logo1_key), (s.logo2_key), (s.signatory1_image_key), (s.signatory2_image_key)) as k (key)
                 where s.campaign_id = ? and k.key is not null""").param(campaignId).query(String.class).list());
    }

    /** After the current transaction commits, deletes those of these images that no letter names (nothing on rollback). */
    void releaseAfterCommit(Collection<String> keys) {
        Set<String> candidates = new LinkedHashSet<>(keys);
        candidates.remove(null);
        if (candidates.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteUnused(candidates);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteUnused(candidates);
            }
        });
    }

    /** Deletes those of these images that no letter names: rows first (committed), then files. Returns how many. */
    int deleteUnused(Collection<String> keys) {
        List<String> deleted;
        try {
            deleted = ownTransaction.execute(status -> jdbc.sql("delete from letter_image i where i.key = any(?) and "
                    + UNREFERENCED + " returning i.key").param(keys.toArray(String[]::new)).query(String.class).list());
        } catch (DataAccessException e) {
            // a letter came to name one of them meanwhile: keep them all, the nightly cleanup looks again
            log.info("Letter images kept for the nightly cleanup ({}): {}", keys.size(), e.getMostSpecificCause().getMessage());
            return 0;
        }
        images.deleteFiles(deleted);
        return deleted.size();
    }

    /**
     * Every image that no letter names (rows and their files), and the files of the folder that have no
     * row and were written more than {@link #UPLOAD_GRACE} ago.
     */
    public Orphans deleteOrphans() {
        Instant before = Instant.now().minus(UPLOAD_GRACE);
        List<String> rows = ownTransaction.execute(status -> jdbc.sql("delete from letter_image i where " + UNREFERENCED
                + " returning i.key").query(String.class).list());
        int files = images.deleteFiles(rows);
        List<String> old = images.filesWrittenBefore(before);
        Set<String> known = old.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("select key from letter_image where key = any(?)")
                .param(old.toArray(String[]::new)).query(String.class).list());
        for (String name : old) {
            if (!known.contains(name) && images.deleteFileNamed(name)) {
                files++;
            }
        }
        return new Orphans(rows.size(), files);
    }
}
