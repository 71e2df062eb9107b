package fr.zlv.campaign.letter;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Prints many letters into one PDF file without holding them in memory: recipients come from a
 * stream, are rendered by batches (one XHTML document of {@link #BATCH} letters each) on a small pool
 * of threads into temporary PDF files, and the files are merged by PDFBox with its scratch data on
 * disk. At most a few batches are in memory at once, whatever the campaign's size.
 */
@Component
class LetterBatchPrinter {

    /** Letters per rendered document: large enough to share the fonts' set-up, small enough for the heap. */
    static final int BATCH = 100;

    /**
     * What was printed, and where the time went: building the XHTML, rendering it (summed over the
     * threads) and merging the parts (wall clock), in nanoseconds.
     */
    record Printed(int letters, int pages, long htmlNanos, long renderNanos, long mergeNanos) {
    }

    private final LetterPdfRenderer renderer;
    private final int threads;
    private final ExecutorService pool;

    LetterBatchPrinter(LetterPdfRenderer renderer) {
        this.renderer = renderer;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "letters-pdf");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * Renders the letters of every recipient that {@code source} hands over (in its order) into
     * {@code target}. The source is read on the calling thread (it may be a database cursor).
     */
    Printed print(LetterTemplate template, Map<String, byte[]> images, Consumer<Consumer<LetterRecipient>> source, Path target) {
        Path work = null;
        try {
            work = Files.createTempDirectory("zlv-letters");
            Path dir = work;
            List<Future<Part>> parts = new ArrayList<>();
            Deque<Future<Part>> inFlight = new ArrayDeque<>();
            List<LetterRecipient> batch = new ArrayList<>(BATCH);
            int[] letters = {0};
            source.accept(recipient -> {
                batch.add(recipient);
                letters[0]++;
                if (batch.size() == BATCH) {
                    submit(template, images, List.copyOf(batch), dir.resolve("part-" + parts.size() + ".pdf"), parts, inFlight);
                    batch.clear();
                }
            });
            if (!batch.isEmpty() || parts.isEmpty()) {
                submit(template, images, List.copyOf(batch), dir.resolve("part-" + parts.size() + ".pdf"), parts, inFlight);
            }
            List<Part> done = new ArrayList<>();
            for (Future<Part> part : parts) {
                done.add(get(part));
            }
            long mergeStart = System.nanoTime();
            int pages = merge(done, target);
            long mergeNanos = System.nanoTime() - mergeStart;
            return new Printed(letters[0], pages, done.stream().mapToLong(Part::htmlNanos).sum(),
                    done.stream().mapToLong(Part::renderNanos).sum(), mergeNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    private record Part(Path file, int pages, long htmlNanos, long renderNanos) {
    }

    private void submit(LetterTemplate template, Map<String, byte[]> images, List<LetterRecipient> recipients, Path file,
                        List<Future<Part>> parts, Deque<Future<Part>> inFlight) {
        // back-pressure: never more batches being rendered than threads (the reader waits)
        while (inFlight.size() >= threads) {
            get(inFlight.removeFirst());
        }
        Future<Part> future = pool.submit(() -> {
            long start = System.nanoTime();
            String xhtml = recipients.isEmpty() ? LetterTemplate.emptyDocument() : template.document(recipients);
            long html = System.nanoTime() - start;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                renderer.render(xhtml, images, out);
            }
            long render = System.nanoTime() - start - html;
            try (PDDocument document = Loader.loadPDF(file.toFile())) {
                return new Part(file, recipients.isEmpty() ? 0 : document.getNumberOfPages(), html, render);
            }
        });
        parts.add(future);
        inFlight.addLast(future);
    }

    private static int merge(List<Part> parts, Path target) throws IOException {
        int pages = parts.stream().mapToInt(Part::pages).sum();
        if (parts.size() == 1) {
            Files.move(parts.getFirst().file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return pages;
        }
        PDFMergerUtility merger = new PDFMergerUtility();
        for (Part part : parts) {
            merger.addSource(part.file().toFile());
        }
        merger.setDestinationFileName(target.toString());
        merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
        return pages;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Impression des courriers interrompue.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Impression des courriers impossible.", e.getCause());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is cleaned by the system
        }
    }
}
