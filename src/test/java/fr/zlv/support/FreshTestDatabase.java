package fr.zlv.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Wipes the test data folder once per test JVM, so every run starts from an empty embedded
 * PostgreSQL (one database per test JVM, shared by all test classes).
 */
public class FreshTestDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("zlv.data-dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path folder = Path.of(dir);
        if (!Files.exists(folder)) {
            return;
        }
        try {
            // a postmaster left by an interrupted run is stopped by the server's own start-up recovery
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder())
                        .filter(p -> !p.equals(folder.resolve("pg").resolve("postmaster.pid")))
                        .forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clean the test data folder " + folder, e);
        }
    }
}
