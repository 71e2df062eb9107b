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
import org.springframework.stereotype.Component;

/**
 * Prints many letters into one PDF file without holding them in memory: recipients come from a
 * stream, are rendered by batches (one XHTML document of {@link #BATCH} letters each) on a small pool
 * of threads into temporary PDF files, and each file is appended to the result as soon as it is done
 * ({@link StreamedPdfConcatenation}: nothing of the pages already written stays in memory). At most
 * one document per thread is laid out at once, whatever the campaign's size.
 */
@Component
class LetterBatchPrinter {

    /** Letters per rendered document: large enough to share the fonts' set-up, small enough for the heap. */
    static final int BATCH = 100;

    /**
     * What was printed, and where the time went: building the XHTML, rendering it (summed over the
     * threads) and appending the parts to the result (on the reading thread, while others render), in
     * nanoseconds.
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
     * {@code target}. The source is read on the calling thread (it may be a database cursor); the same
     * thread appends each rendered part to the target as soon as it is done, in order, and deletes it.
     */
    Printed print(LetterTemplate template, Map<String, byte[]> images, Consumer<Consumer<LetterRecipient>> source, Path target) {
        Path work = null;
        Output output = null;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 256 * 1024)) {
            work = Files.createTempDirectory("zlv-letters");
            output = new Output(new StreamedPdfConcatenation(file));
            Output out = output;
            Path dir = work;
            List<LetterRecipient> batch = new ArrayList<>(BATCH);
            int[] letters = {0};
            int[] parts = {0};
            source.accept(recipient -> {
                batch.add(recipient);
                letters[0]++;
                if (batch.size() == BATCH) {
                    submit(template, images, List.copyOf(batch), dir.resolve("part-" + parts[0]++ + ".pdf"), out);
                    batch.clear();
                }
            });
            if (!batch.isEmpty() || parts[0] == 0) {
                submit(template, images, List.copyOf(batch), dir.resolve("part-" + parts[0]++ + ".pdf"), output);
            }
            while (!output.inFlight.isEmpty()) {
                output.append(get(output.inFlight.removeFirst()));
            }
            long finishStart = System.nanoTime();
            output.pdf.finish();
            output.mergeNanos += System.nanoTime() - finishStart;
            return new Printed(letters[0], letters[0] == 0 ? 0 : output.pdf.pages(), output.htmlNanos, output.renderNanos,
                    output.mergeNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (output != null) {
                output.inFlight.forEach(part -> part.cancel(true)); // left only when printing failed
            }
            deleteQuietly(work);
        }
    }

    private record Part(Path file, long htmlNanos, long renderNanos) {
    }

    /** The merged file being written, the parts being rendered (in order) and the time spent. */
    private static final class Output {
        final StreamedPdfConcatenation pdf;
        final Deque<Future<Part>> inFlight = new ArrayDeque<>();
        long htmlNanos;
        long renderNanos;
        long mergeNanos;

        Output(StreamedPdfConcatenation pdf) {
            this.pdf = pdf;
        }

        void append(Part part) {
            long start = System.nanoTime();
            try {
                pdf.append(part.file());
                Files.deleteIfExists(part.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mergeNanos += System.nanoTime() - start;
            htmlNanos += part.htmlNanos();
            renderNanos += part.renderNanos();
        }
    }

    private void submit(LetterTemplate template, Map<String, byte[]> images, List<LetterRecipient> recipients, Path file,
                        Output output) {
        // back-pressure: one batch waiting behind the rendering threads at most (the reader waits), so that
        // a thread never idles while the oldest part is appended, and only `threads` documents are laid out at once
        while (output.inFlight.size() > threads) {
            output.append(get(output.inFlight.removeFirst()));
        }
        output.inFlight.addLast(pool.submit(() -> {
            long start = System.nanoTime();
            String xhtml = recipients.isEmpty() ? LetterTemplate.emptyDocument() : template.document(recipients);
            long html = System.nanoTime() - start;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                renderer.render(xhtml, images, out);
            }
            return new Part(file, html, System.nanoTime() - start - html);
        }));
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
