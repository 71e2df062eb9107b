package fr.zlv.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentTests {

    @Test
    void aFrenchNameGetsAnAsciiFallbackAndItsUtf8Form() {
        assertThat(Attachment.header("Relevé été.pdf"))
                .isEqualTo("attachment; filename=\"Releve-ete.pdf\"; filename*=UTF-8''Relev%C3%A9%20%C3%A9t%C3%A9.pdf");
    }

    @Test
    void quotesAndSlashesNeverReachTheFallbackName() {
        assertThat(Attachment.header("a\"b/../c.xlsx")).startsWith("attachment; filename=\"a-b-..-c.xlsx\";");
    }
}
