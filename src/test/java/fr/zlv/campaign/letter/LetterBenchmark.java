package fr.zlv.campaign.letter;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.zlv.ZlvApplication;
import fr.zlv.access.ApiTokenManagement;
import fr.zlv.access.UserManagement;
import fr.zlv.groups.ExportBaseline;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/letters: the merged PDF of a 10,000-recipient campaign through the HTTP API, against the
 * renderer alone printing the same single letter 10,000 times (no data access); the XLSX and CSV
 * exports of a 100,000-dwelling group through the HTTP API, against fastexcel/fastcsv alone writing
 * rows of the same shape. Heap growth is sampled during each phase. Not a test (no *Tests name):
 * run by bench/letters/run.sh. The product runs in this JVM.
 */
public final class LetterBenchmark {

    private static final String[] SURNAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
            "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
            "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MÜLLER", "FAURE"};
    private static final String[] GIVEN = {"JEAN", "MARIE", "PIERRE", "HÉLÈNE", "ANNE", "FRANÇOIS", "NATHALIE", "ALAIN",
            "ISABELLE", "PATRICK", "SYLVIE", "NICOLAS", "CÉLINE", "CHRISTOPHE", "MONIQUE", "FRANÇOISE", "LOUIS", "ÉMILIE"};
    private static final String[] STREETS = {"DE LA RÉPUBLIQUE", "VICTOR HUGO", "JEAN JAURÈS", "DU GÉNÉRAL DE GAULLE",
            "PASTEUR", "DE LA GARE", "DE L'ÉGLISE", "DES ÉCOLES", "NATIONALE", "DU MOULIN", "GAMBETTA", "DU CHÂTEAU"};

    static final String BODY = """
            <p>Madame, Monsieur {{proprietaire.nom}},</p>
            <p>Selon les fichiers fiscaux, le logement dont vous êtes propriétaire au <strong>{{logement.adresse}}</strong>
            ({{logement.type}}, {{logement.surface}}, {{logement.pieces}} pièces, construit en {{logement.annee_construction}})
            est inoccupé depuis {{logement.debut_vacance}}. La collectivité s’est engagée dans un plan de lutte contre la
            vacance des logements et souhaite vous accompagner pour le remettre sur le marché, que vous souhaitiez le louer,
            le vendre, l’occuper ou y faire des travaux.</p>
            <h3>Ce que nous pouvons vous proposer</h3>
            <ul><li>un conseil gratuit et personnalisé sur votre projet ;</li>
            <li>des aides financières pour les travaux (Anah, MaPrimeRénov’, primes locales jusqu’à 5 000 €) ;</li>
            <li>une aide à la gestion locative et une garantie contre les impayés ;</li>
            <li>une mise en relation avec des professionnels de confiance.</li></ul>
            <p>Pour nous dire où en est votre logement et ce dont vous auriez besoin, répondez en ligne avec le code
            ci-dessous, ou contactez le service habitat. Les références de votre logement : local {{logement.identifiant}},
            parcelle {{logement.parcelle}}, étiquette énergie {{logement.dpe}}.</p>
            <p>Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>""";

    record Phase(String name, double seconds, long bytes, long heapPeakGrowth, long heapAfterGcGrowth) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int recipients = Integer.parseInt(options.getOrDefault("recipients", "10000"));
        int groupSize = Integer.parseInt(options.getOrDefault("group-dwellings", "100000"));
        String departement = options.getOrDefault("departement", "23");
        boolean skipExports = Boolean.parseBoolean(options.getOrDefault("skip-exports", "false"));

        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZlvApplication.class)
                .properties("zlv.demo=false", "server.port=0", "logging.level.root=WARN")
                .run();
        HeapSampler heap = new HeapSampler();
        heap.start();
        System.gc();
        System.out.printf(Locale.ROOT, "heap: max %d MB, %d MB used after start-up and a GC%n", Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        try {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            var establishments = context.getBean(EstablishmentManagement.class);
            Establishment dep = Roles.asSystem(() -> establishments.createFromReference("DEP-" + departement));
            List<String> communes = List.copyOf(Roles.asSystem(() -> establishments.perimeter(dep.id())));
            long t0 = System.nanoTime();
            int size = Math.max(groupSize, recipients + recipients / 49 + 1);
            boolean generated = generate(jdbc, size, communes, departement);
            System.out.printf(Locale.ROOT, "dataset: %,d bench dwellings in %s (%d communes), %s in %.0f s%n", size, dep.name(),
                    communes.size(), generated ? "generated" : "already there", (System.nanoTime() - t0) / 1e9);
            String token = ExportBaseline.token(context.getBean(UserManagement.class), context.getBean(ApiTokenManagement.class), dep.id(), "Courriers");

            // a campaign of the first dwellings: every 50th owner is "ne pas contacter", so about 2 % are excluded
            int campaignDwellings = recipients + recipients / 49 + 1;
            long campaign = campaign(jdbc, dep.id(), campaignDwellings, context.getBean(LetterImages.class));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;
            Path work = Files.createTempDirectory("bench-letters");

            // the renderer's ceiling: the same letter, no data access, through the same batching and merge
            LetterBatchPrinter printer = context.getBean(LetterBatchPrinter.class);
            LetterManagement letters = context.getBean(LetterManagement.class);
            LetterSettings settings = Roles.asSystem(() -> context.getBean(LetterRepository.class).forCampaign(campaign)).orElseThrow();
            LetterTemplate template = LetterTemplate.compile(settings, "http://localhost:8080", letters.presentImages(settings));
            LetterRecipient sample = sampleRecipient();
            Path ceilingPdf = work.resolve("ceiling.pdf");
            LetterBatchPrinter.Printed[] ceiling = {null};
            Phase ceilingPhase = heap.measure("renderer alone, same letter x " + recipients, () -> {
                ceiling[0] = printer.print(template, letters.imageBytes(settings), sink -> {
                    for (int i = 0; i < recipients; i++) {
                        sink.accept(sample);
                    }
                }, ceilingPdf);
                return Files.size(ceilingPdf);
            });
            report(ceilingPhase, ceiling[0].pages());
            breakdown(ceiling[0]);

            // the product: GET /api/v1/campaigns/{id}/letters.pdf (first print makes the access codes)
            Path pdf = work.resolve("letters.pdf");
            Phase first = heap.measure("API letters.pdf, first print (codes made)", () -> ExportBaseline.download(http, base
                    + "/api/v1/campaigns/" + campaign + "/letters.pdf", token, pdf));
            int pages = pages(pdf);
            report(first, pages);
            Phase second = heap.measure("API letters.pdf, second print (codes reused)", () -> ExportBaseline.download(http, base
                    + "/api/v1/campaigns/" + campaign + "/letters.pdf", token, pdf));
            report(second, pages(pdf));
            double ceilingRate = ceiling[0].pages() / ceilingPhase.seconds();
            System.out.printf(Locale.ROOT, "letters: %d pages, product %.1f pages/s (second print) vs renderer alone %.1f pages/s: "
                    + "ratio %.2f%n", pages, pages / second.seconds(), ceilingRate, (pages / second.seconds()) / ceilingRate);

            if (!skipExports) {
                long group = group(jdbc, dep.id(), groupSize);
                Path xlsx = work.resolve("group.xlsx");
                Path csv = work.resolve("group.csv");
                Phase apiXlsx = heap.measure("API export.xlsx, " + groupSize + " dwellings", () -> ExportBaseline.download(http, base
                        + "/api/v1/groups/" + group + "/export.xlsx", token, xlsx));
                report(apiXlsx, -1);
                Phase apiCsv = heap.measure("API export.csv, " + groupSize + " dwellings", () -> ExportBaseline.download(http, base
                        + "/api/v1/groups/" + group + "/export.csv", token, csv));
                report(apiCsv, -1);
                List<ExportBaseline.SheetShape> sheets = ExportBaseline.xlsxShape(xlsx);
                Path xlsxAlone = work.resolve("alone.xlsx");
                Phase aloneXlsx = heap.measure("fastexcel alone, same shape", () -> ExportBaseline.writeXlsx(sheets, xlsxAlone));
                report(aloneXlsx, -1);
                Path csvAlone = work.resolve("alone.csv");
                Phase aloneCsv = heap.measure("fastcsv alone, same shape", () -> writeCsv(csv, csvAlone));
                report(aloneCsv, -1);
                System.out.printf(Locale.ROOT, "exports: XLSX %.1f s vs fastexcel alone %.1f s (ratio %.2f); CSV %.1f s vs fastcsv "
                                + "alone %.1f s (ratio %.2f)%n", apiXlsx.seconds(), aloneXlsx.seconds(),
                        apiXlsx.seconds() / aloneXlsx.seconds(), apiCsv.seconds(), aloneCsv.seconds(),
                        apiCsv.seconds() / aloneCsv.seconds());
            }
            System.out.printf(Locale.ROOT, "load average at the end: %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            try (var files = Files.list(work)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(work);
        } finally {
            heap.stop();
            context.close();
        }
    }

    private static void report(Phase phase, int pages) {
        System.out.printf(Locale.ROOT, "%-45s %7.1f s  %8.1f MB  heap peak +%4d MB, after GC +%4d MB%s%n", phase.name(),
                phase.seconds(), phase.bytes() / 1e6, phase.heapPeakGrowth() >> 20, phase.heapAfterGcGrowth() >> 20,
                pages > 0 ? String.format(Locale.ROOT, "  %d pages, %.1f pages/s", pages, pages / phase.seconds()) : "");
    }

    private static void breakdown(LetterBatchPrinter.Printed printed) {
        System.out.printf(Locale.ROOT, "  where the time goes (thread time summed over workers): XHTML %.1f s, "
                        + "parse+layout+PDF %.1f s; appending the parts to the result %.1f s (reading thread, overlaps rendering)%n", printed.htmlNanos() / 1e9, printed.renderNanos() / 1e9,
                printed.mergeNanos() / 1e9);
    }

    private static LetterRecipient sampleRecipient() {
        Map<LetterVariable, String> values = new EnumMap<>(LetterVariable.class);
        values.put(LetterVariable.HOUSING_ADDRESS, "12 RUE DE LA RÉPUBLIQUE, Guéret");
        values.put(LetterVariable.LOCAL_ID, "230960001234");
        values.put(LetterVariable.INVARIANT, "0960001234");
        values.put(LetterVariable.CADASTRAL_REFERENCE, "AB 0123");
        values.put(LetterVariable.PLOT_ID, "23096000AB0123");
        values.put(LetterVariable.KIND, "Maison");
        values.put(LetterVariable.LIVING_AREA, "72,5 m²");
        values.put(LetterVariable.ROOMS, "4");
        values.put(LetterVariable.BUILDING_YEAR, "1932");
        values.put(LetterVariable.VACANCY_START_YEAR, "2019");
        values.put(LetterVariable.ENERGY_LABEL, "F");
        return new LetterRecipient(1, 1, "LEFÈVRE FRANÇOISE", List.of("12 RUE DES LILAS", "75011 PARIS"), values, "AB12-CD34-EF56");
    }

    /** Bench dwellings (local ids "BL…") with a primary owner each, made once in SQL. */
    private static boolean generate(JdbcClient jdbc, int size, List<String> communes, String departement) {
        int existing = jdbc.sql("select count(*) from housing where local_id like 'BL%'").query(Integer.class).single();
        if (existing >= size) {
            return false;
        }
        jdbc.sql("""
                insert into housing (local_id, invariant, commune_code, geo_code, departement, address_dgfip, kind, living_area,
                                     rooms, building_year, vacancy_start_year, cadastral_reference, plot_id, energy_label)
                select 'BL' || lpad(i::text, 10, '0'), lpad(i::text, 10, '0'), c, c, ?,
                       array[(i % 140 + 1) || ' RUE ' || (?::text[])[i % 12 + 1]], case when i % 3 = 0 then 'APPART' else 'MAISON' end,
                       30 + (i % 120) + 0.5, 1 + i % 6, 1850 + i % 170, 2010 + i % 13, 'AB ' || lpad((i % 9999)::text, 4, '0'),
                       c || '000AB' || lpad((i % 9999)::text, 4, '0'), (array['A','B','C','D','E','F','G'])[i % 7 + 1]
                  from generate_series(?, ?) i,
                       lateral (select (?::text[])[i % ? + 1] as c) commune
                on conflict (local_id) do nothing""")
                .params(departement, STREETS, existing + 1, size, communes.toArray(String[]::new), communes.size()).update();
        jdbc.sql("""
                insert into owner (owner_key, full_name, address_dgfip, do_not_contact)
                select 'bench-letters-' || i, (?::text[])[i % 28 + 1] || ' ' || (?::text[])[i % 18 + 1],
                       array[(i % 90 + 1) || ' AVENUE ' || (?::text[])[i % 12 + 1], lpad((75001 + i % 20)::text, 5, '0') || ' PARIS'],
                       i % 50 = 0
                  from generate_series(?, ?) i
                on conflict (owner_key) do nothing""")
                .params(SURNAMES, GIVEN, STREETS, existing + 1, size).update();
        jdbc.sql("""
                insert into ownership (housing_id, owner_id, rank, property_right)
                select h.id, o.id, 1, 'proprietaire-entier'
                  from generate_series(?, ?) i
                  join housing h on h.local_id = 'BL' || lpad(i::text, 10, '0')
                  join owner o on o.owner_key = 'bench-letters-' || i""")
                .params(existing + 1, size).update();
        jdbc.sql("analyze housing; analyze owner; analyze ownership").update();
        return true;
    }

    /** A new campaign of the first bench dwellings, with a realistic letter and a logo. */
    private static long campaign(JdbcClient jdbc, long establishmentId, int dwellings, LetterImages images) throws Exception {
        long campaign = jdbc.sql("insert into campaign (establishment_id, title, housing_count) values (?, ?, ?) returning id")
                .params(establishmentId, "Banc courriers " + LocalDate.now() + " " + UUID.randomUUID().toString().substring(0, 4), dwellings)
                .query(Long.class).single();
        jdbc.sql("""
                insert into campaign_housing (campaign_id, housing_id)
                select ?, id from housing where local_id like 'BL%' order by local_id limit ?""").params(campaign, dwellings).update();
        String logo = images.store(establishmentId, "Logo", logo());
        jdbc.sql("""
                insert into letter_settings (campaign_id, establishment_id, sender_name, sender_service, sender_address,
                    sender_email, sender_phone, logo1_key, signatory1_name, signatory1_role, written_at, written_on, subject, body_html)
                values (?, ?, 'Communauté d''agglomération du Grand Guéret', 'Service habitat et logement',
                        '9 avenue Charles de Gaulle\nBP 302\n23006 Guéret Cedex', 'habitat@agglo-gueret.example.fr',
                        '05 55 41 04 48', ?, 'Éric Corréia', 'Président', 'Guéret', current_date, 'Votre logement {{logement.adresse}}', ?)""")
                .params(campaign, establishmentId, logo, LetterSanitizer.sanitize(BODY)).update();
        return campaign;
    }

    private static byte[] logo() throws Exception {
        BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.setColor(new Color(0, 0, 145));
        g.fillRect(0, 0, 40, 200);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("Grand Guéret", 70, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static long group(JdbcClient jdbc, long establishmentId, int size) {
        long group = jdbc.sql("insert into housing_group (establishment_id, name, housing_count, owner_count) values (?, ?, ?, ?) returning id")
                .params(establishmentId, "Banc exports " + UUID.randomUUID().toString().substring(0, 4), size, size)
                .query(Long.class).single();
        jdbc.sql("""
                insert into housing_group_housing (group_id, housing_id)
                select ?, id from housing where local_id like 'BL%' order by local_id limit ?""").params(group, size).update();
        return group;
    }

    private static int pages(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }
    private static long writeCsv(Path productCsv, Path target) throws Exception {
        List<String> header;
        List<String> sample;
        long rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(productCsv)) {
            var it = reader.iterator();
            header = it.next().getFields();
            sample = it.next().getFields();
            rows = 1;
            while (it.hasNext()) {
                it.next();
                rows++;
            }
        }
        return ExportBaseline.writeCsv(header, sample, rows, target);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /**
     * Samples the heap every 10 ms: the peak of used heap (garbage included) and the peak of the heap
     * still used after each collection (live data), both relative to the start of the phase after a GC.
     */
    static final class HeapSampler {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long peakAfterGc;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    long used = 0;
                    long afterGc = 0;
                    for (MemoryPoolMXBean pool : pools) {
                        used += pool.getUsage().getUsed();
                        var collection = pool.getCollectionUsage();
                        afterGc += collection == null ? 0 : collection.getUsed();
                    }
                    peakUsed = Math.max(peakUsed, used);
                    peakAfterGc = Math.max(peakAfterGc, afterGc);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        Phase measure(String name, Callable<Long> work) throws Exception {
            System.gc();
            Thread.sleep(300);
            long base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peakUsed = base;
            peakAfterGc = 0;
            long start = System.nanoTime();
            long bytes = work.call();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Phase(name, seconds, bytes, peakUsed - base, Math.max(0, peakAfterGc - base));
        }
    }

    private LetterBenchmark() {
    }
}
