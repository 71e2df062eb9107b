package fr.zlv.territory;

import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.PublicAccess;
import fr.zlv.territory.ReferenceParser.ParsedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the reference geography (the ten open-data files of resources/reference, see SOURCES.md) into
 * the database. Idempotent: a reload of the same files changes nothing and says so in its report.
 * All files are parsed and checked before anything is written, and everything is written in one
 * transaction: a malformed file is refused with its name and line and leaves the database as it was.
 */
@Service
public class ReferenceDataManagement {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataManagement.class);
    private static final String CLASSPATH_FOLDER = "reference/";

    private final ReferenceDataWriter writer;
    private final TransactionTemplate transaction;

    ReferenceDataManagement(ReferenceDataWriter writer, PlatformTransactionManager transactionManager) {
        this.writer = writer;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The names of the files a reference folder must hold. */
    @PublicAccess
    public static List<String> fileNames() {
        return Arrays.stream(ReferenceFile.values()).map(f -> f.fileName).toList();
    }

    /** Loads the files bundled with the product. */
    @AdminOnly
    public ReferenceLoadReport load() {
        return load("classpath", file -> new ClassPathResource(CLASSPATH_FOLDER + file.fileName).getInputStream());
    }

    /**
     * Loads the files of a folder (the same ten names as the bundled ones).
     *
     * @throws ReferenceDataException when the folder or a file is missing or a file is malformed
     */
    @AdminOnly
    public ReferenceLoadReport load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw ReferenceDataException.missingFolder(folder);
        }
        return load(folder.toString(), file -> {
            Path path = folder.resolve(file.fileName);
            if (!Files.isRegularFile(path)) {
                throw new ReferenceDataException(file.fileName, 0, "fichier absent du dossier " + folder + ".");
            }
            return Files.newInputStream(path);
        });
    }

    private interface Opener {
        InputStream open(ReferenceFile file) throws IOException;
    }

    private ReferenceLoadReport load(String source, Opener opener) {
        long start = System.nanoTime();
        List<ParsedFile> parsed = new ArrayList<>();
        for (ReferenceFile file : ReferenceFile.values()) {
            try (InputStream in = opener.open(file)) {
                parsed.add(ReferenceParser.parse(file, in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read reference file " + file.fileName, e);
            }
        }
        var files = transaction.execute(status -> writer.write(parsed));
        var report = new ReferenceLoadReport(source, (System.nanoTime() - start) / 1_000_000, files);
        log.info("Reference data loaded from {} in {} ms: {}", source, report.durationMs(),
                report.changedAnything() ? "changes written" : "nothing changed");
        return report;
    }
}
