package fr.zlv.campaign.letter;

import static fr.zlv.support.TestData.cols;
import static org.assertj.core.api.Assertions.assertThat;

import fr.zlv.platform.ZlvProperties;
import fr.zlv.support.IntegrationTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Letter images are deleted once no letter names them — after a replacement, a removal, a campaign's
 * deletion — but never while a follow-up campaign (or the defaults) still names them; the nightly
 * cleanup removes only what nothing names; refused input changes nothing and leaves no file.
 */
@IntegrationTest
class LetterImageCleanupIntegrationTests {

    private static final byte[] RED = png(Color.RED);
    private static final byte[] BLUE = png(Color.BLUE);
    private static final byte[] GREEN = png(Color.GREEN);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    ZlvProperties properties;
    @Autowired
    LetterImageCleanup cleanup;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReplacedThenRemovedImageIsDeletedAndARefusedFormChangesNothing() throws IOException {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Images remplacées", Set.of("23004"));
        long campaign = data.campaign(agent.establishment().id(), "Campagne aux logos");
        data.dwelling(campaign, "23004", "1 RUE DES IMAGES", "PETIT MARC", false);
        var session = new LetterImageSession(port, agent.email(), agent.password());
        String page = "/campagnes/" + campaign + "/courrier";

        assertThat(session.postForm(page, page, Map.of("senderName", "Mairie de Chambon"), Map.of("logo1", RED)).status())
                .isEqualTo(302);
        String first = key(campaign, "logo1_key");
        assertThat(stored(first)).isTrue();
        assertThat(session.bytes(page + "/images/logo1")).isEqualTo(RED);

        // replaced: the old image's row and file are gone, the letter shows the new one
        assertThat(session.postForm(page, page, Map.of("senderName", "Mairie de Chambon"), Map.of("logo1", BLUE)).status())
                .isEqualTo(302);
        String second = key(campaign, "logo1_key");
        assertThat(second).isNotEqualTo(first);
        assertThat(gone(first)).isTrue();
        assertThat(stored(second)).isTrue();
        assertThat(session.bytes(page + "/images/logo1")).isEqualTo(BLUE);

        // refused forms change nothing and leave no file: an unknown image to remove, a file that is no image
        long filesBefore = files();
        var unknownSlot = session.postForm(page, page, Map.of("senderName", "Autre nom", "remove", "logo9"), Map.of("logo1", GREEN));
        assertThat(unknownSlot.status()).isEqualTo(400);
        assertThat(unknownSlot.body()).contains("Image à retirer inconnue : « logo9 »");
        var notAnImage = session.postForm(page, page, Map.of("senderName", "Autre nom"),
                Map.of("logo1", GREEN, "logo2", "pas une image".getBytes(StandardCharsets.UTF_8)));
        assertThat(notAnImage.status()).isEqualTo(400);
        assertThat(notAnImage.body()).contains("Logo 2 : seules les images PNG ou JPEG sont acceptées.");
        assertThat(key(campaign, "logo1_key")).isEqualTo(second);
        assertThat(key(campaign, "sender_name")).isEqualTo("Mairie de Chambon");
        assertThat(files()).isEqualTo(filesBefore);
        assertThat(imagesOf(agent.establishment().id())).isEqualTo(1);

        // removed: the image is deleted and no longer served
        assertThat(session.postForm(page, page, Map.of("senderName", "Mairie de Chambon", "remove", "logo1"), Map.of()).status())
                .isEqualTo(302);
        assertThat(key(campaign, "logo1_key")).isNull();
        assertThat(gone(second)).isTrue();
        assertThat(session.get(page + "/images/logo1").status()).isEqualTo(404);
        assertThat(imagesOf(agent.establishment().id())).isZero();
    }

    @Test
    void anImageSharedWithAFollowUpStaysUntilTheFollowUpIsDeletedToo() throws IOException {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Images relance", Set.of("23004"));
        long housing = data.housing("23004", cols("address_dgfip", new String[] {"3 RUE DE LA RELANCE"}));
        long owner = data.owner("MOREAU LUC", cols("address_dgfip", new String[] {"12 RUE DES LILAS", "75011 PARIS"}));
        data.ownership(housing, owner, 1);
        long parent = body(LetterTestData.call(port, agent.token(), "POST", "/api/v1/campaigns", "{\"title\": \"Premier envoi\", "
                + "\"housingIds\": [" + housing + "], \"sendingDate\": \"" + TODAY.minusDays(40) + "\"}"), 201)
                .get("campaign").get("id").asLong();
        var session = new LetterImageSession(port, agent.email(), agent.password());
        String parentPage = "/campagnes/" + parent + "/courrier";
        assertThat(session.postForm(parentPage, parentPage, Map.of("senderName", "Mairie", "bodyHtml", "<p>Bonjour</p>"),
                Map.of("logo1", RED, "signature1", BLUE)).status()).isEqualTo(302);
        String logo = key(parent, "logo1_key");
        String signature = key(parent, "signatory1_image_key");

        long followUp = body(LetterTestData.call(port, agent.token(), "POST", "/api/v1/campaigns/" + parent + "/follow-up",
                "{\"days\": 30}"), 201).get("campaign").get("id").asLong();
        assertThat(key(followUp, "logo1_key")).isEqualTo(logo);

        // the parent deleted: the images stay for the follow-up, whose letter still shows and prints them
        assertThat(LetterTestData.call(port, agent.token(), "DELETE", "/api/v1/campaigns/" + parent, null).statusCode()).isEqualTo(204);
        assertThat(stored(logo)).isTrue();
        assertThat(stored(signature)).isTrue();
        String followUpPage = "/campagnes/" + followUp + "/courrier";
        assertThat(session.bytes(followUpPage + "/images/logo1")).isEqualTo(RED);
        assertThat(session.bytes(followUpPage + "/images/signature1")).isEqualTo(BLUE);
        var pdf = LetterTestData.call(port, agent.token(), "GET", "/api/v1/campaigns/" + followUp + "/letters.pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("X-Letters")).contains("1");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(imagesOnFirstPage(document)).isEqualTo(2);
        }

        // the follow-up deleted too (from its confirmation page): nothing names them any more
        String confirm = "/campagnes/" + followUp + "/suppression";
        assertThat(session.postForm(confirm, confirm, Map.of(), Map.of()).status()).isEqualTo(302);
        assertThat(gone(logo)).isTrue();
        assertThat(gone(signature)).isTrue();
    }

    @Test
    void theNightlyCleanupRemovesOnlyImagesAndFilesThatNothingNames() throws IOException {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Images orphelines", Set.of("23004"));
        long establishment = agent.establishment().id();
        long campaign = data.campaign(establishment, "Campagne gardée");
        data.dwelling(campaign, "23004", "7 RUE GARDÉE", "LEROY ANNE", false);
        var session = new LetterImageSession(port, agent.email(), agent.password());
        String page = "/campagnes/" + campaign + "/courrier";
        assertThat(session.postForm("/parametres/courrier", "/parametres/courrier", Map.of("senderName", "Par défaut"),
                Map.of("logo2", GREEN)).status()).isEqualTo(302);
        assertThat(session.postForm(page, page, Map.of("senderName", "Mairie"), Map.of("logo1", RED)).status()).isEqualTo(302);
        String named = key(campaign, "logo1_key");
        String defaultLogo = jdbc.sql("select logo2_key from letter_settings where establishment_id = ? and campaign_id is null")
                .param(establishment).query(String.class).single();
        assertThat(key(campaign, "logo2_key")).isEqualTo(defaultLogo);

        // what a crash leaves: a row that no letter names (between the commit and its deletion) and files
        // without a row (a failed upload, a half-written part); a file being uploaded right now is young
        String orphanRow = UUID.randomUUID() + ".png";
        Files.write(folder().resolve(orphanRow), BLUE);
        jdbc.sql("insert into letter_image (key, establishment_id) values (?, ?)").params(orphanRow, establishment).update();
        Path oldFile = old(Files.write(folder().resolve(UUID.randomUUID() + ".jpg"), BLUE));
        Path oldPart = old(Files.write(folder().resolve(UUID.randomUUID() + ".png.part"), BLUE));
        Path young = Files.write(folder().resolve(UUID.randomUUID() + ".png"), BLUE);

        var deleted = cleanup.deleteOrphans();
        assertThat(deleted.rows()).isGreaterThanOrEqualTo(1);
        assertThat(deleted.files()).isGreaterThanOrEqualTo(3);
        assertThat(gone(orphanRow)).isTrue();
        assertThat(oldFile).doesNotExist();
        assertThat(oldPart).doesNotExist();
        assertThat(young).exists();
        assertThat(stored(named)).isTrue();
        assertThat(stored(defaultLogo)).isTrue();
        assertThat(session.bytes(page + "/images/logo1")).isEqualTo(RED);
        assertThat(session.bytes(page + "/images/logo2")).isEqualTo(GREEN);
        Files.delete(young);
    }

    @Test
    void anImageThatALetterComesToNameWhileItIsBeingDeletedIsKept() throws Exception {
        var data = new LetterTestData(context);
        var agent = data.agentOf("Images concurrentes", Set.of("23004"));
        long establishment = agent.establishment().id();
        long campaign = data.campaign(establishment, "Campagne concurrente");
        String image = UUID.randomUUID() + ".png";
        Files.createDirectories(folder());
        Files.write(folder().resolve(image), RED);
        jdbc.sql("insert into letter_image (key, establishment_id) values (?, ?)").params(image, establishment).update();

        // a letter names the image (as a follow-up's copy would) in a transaction still open while the deletion runs
        CountDownLatch named = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        var letter = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("insert into letter_settings (campaign_id, establishment_id, logo1_key) values (?, ?, ?)")
                    .params(campaign, establishment, image).update();
            named.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertThat(named.await(10, TimeUnit.SECONDS)).isTrue();
        var deletion = CompletableFuture.supplyAsync(() -> cleanup.deleteUnused(List.of(image)), threads);
        Thread.sleep(500);
        assertThat(deletion).as("the deletion waits for the letter's transaction").isNotDone();
        commit.countDown();
        letter.get(10, TimeUnit.SECONDS);

        assertThat(deletion.get(10, TimeUnit.SECONDS)).isZero();
        threads.shutdown();
        assertThat(stored(image)).isTrue();
        assertThat(key(campaign, "logo1_key")).isEqualTo(image);
    }

    @Test
    void theApiCannotNameAnImageOfAnotherEstablishmentsLetter() throws IOException {
        var data = new LetterTestData(context);
        var agentA = data.agentOf("Images A", Set.of("23004"));
        var agentB = data.agentOf("Images B", Set.of("23002"));
        long campaignA = data.campaign(agentA.establishment().id(), "Campagne A");
        long campaignB = data.campaign(agentB.establishment().id(), "Campagne B");
        var sessionB = new LetterImageSession(port, agentB.email(), agentB.password());
        String pageB = "/campagnes/" + campaignB + "/courrier";
        assertThat(sessionB.postForm(pageB, pageB, Map.of("senderName", "B"), Map.of("logo1", RED)).status()).isEqualTo(302);
        String keyOfB = key(campaignB, "logo1_key");

        var refused = LetterTestData.call(port, agentA.token(), "PUT", "/api/v1/campaigns/" + campaignA + "/letter",
                json.writeValueAsString(Map.of("senderName", "A", "logo1Key", keyOfB)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("Champ « logo1Key » refusé");
        assertThat(jdbc.sql("select count(*) from letter_settings where campaign_id = ?").param(campaignA).query(Long.class).single())
                .isZero();
        // nor can it reach B's image through its own campaign, or delete it by saving
        var sessionA = new LetterImageSession(port, agentA.email(), agentA.password());
        assertThat(sessionA.get(pageB + "/images/logo1").status()).isEqualTo(404);
        assertThat(stored(keyOfB)).isTrue();
    }

    private String key(long campaignId, String column) {
        return jdbc.sql("select " + column + " from letter_settings where campaign_id = ?").param(campaignId)
                .query(String.class).list().getFirst();
    }

    private boolean stored(String key) {
        return key != null && Files.exists(folder().resolve(key))
                && jdbc.sql("select count(*) from letter_image where key = ?").param(key).query(Long.class).single() == 1;
    }

    private boolean gone(String key) {
        return !Files.exists(folder().resolve(key))
                && jdbc.sql("select count(*) from letter_image where key = ?").param(key).query(Long.class).single() == 0;
    }

    private long imagesOf(long establishmentId) {
        return jdbc.sql("select count(*) from letter_image where establishment_id = ?").param(establishmentId)
                .query(Long.class).single();
    }

    private long files() throws IOException {
        try (var list = Files.list(folder())) {
            return list.count();
        }
    }

    private Path folder() {
        return properties.dataDir().resolve("letters");
    }

    private static Path old(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        return file;
    }

    private static int imagesOnFirstPage(PDDocument document) throws IOException {
        var resources = document.getPage(0).getResources();
        int images = 0;
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }

    private tools.jackson.databind.JsonNode body(java.net.http.HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static byte[] png(Color color) {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
