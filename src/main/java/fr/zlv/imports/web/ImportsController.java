package fr.zlv.imports.web;

import fr.zlv.imports.ImportRunView;
import fr.zlv.imports.LovacImportManagement;
import fr.zlv.imports.LovacRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin page of LOVAC imports (/admin/** is ADMIN only). The file is sent as the raw request
 * body and copied to the data folder as it arrives: a file of several GB never sits in memory and
 * needs no multipart limit. The import then runs in the background; the page polls its progress.
 */
@Controller
class ImportsController {

    private static final String MILLESIME_EXPECTED = "Millésime : indiquez une année, par exemple 2025.";

    private final LovacImportManagement imports;

    ImportsController(LovacImportManagement imports) {
        this.imports = imports;
    }

    @GetMapping("/admin/imports")
    String index(Model model) {
        model.addAttribute("runs", imports.runs(50));
        model.addAttribute("defaultMillesime", java.time.Year.now().getValue() - 1);
        return "imports/index";
    }

    /** Asked by the page before it sends the file: a refusal known now spares the user the upload of several GB. */
    @GetMapping(value = "/admin/imports/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> verify(@RequestParam(required = false) String millesime) {
        Integer year = year(millesime);
        if (year == null) {
            return ResponseEntity.badRequest().body(Map.of("error", MILLESIME_EXPECTED));
        }
        try {
            imports.checkCanStart(year);
            return ResponseEntity.ok(Map.of("ok", true));
        } catch (LovacRefusedException e) {
            return ResponseEntity.status(409).body(Map.of("error", e.getMessage()));
        }
    }

    @PostMapping(value = "/admin/imports/upload", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@RequestParam String name, @RequestParam(required = false) String millesime,
                                               @RequestParam(defaultValue = "false") boolean all,
                                               HttpServletRequest request) throws IOException {
        Integer year = year(millesime);
        if (year == null) {
            return ResponseEntity.badRequest().body(Map.of("error", MILLESIME_EXPECTED));
        }
        String fileName = label(name);
        Path uploads = imports.importsFolder().resolve("uploads");
        Files.createDirectories(uploads);
        Path target = uploads.resolve(UUID.randomUUID() + "-" + fileName.replaceAll("[^A-Za-z0-9._-]", "_"));
        boolean started = false;
        // the copy is removed here unless the import started, which then removes it when it ends
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(target) == 0) {
                return ResponseEntity.badRequest().body(Map.of("error", "Fichier : le fichier envoyé est vide."));
            }
            long runId = imports.startImport(target, fileName, year, all);
            started = true;
            return ResponseEntity.ok(Map.of("runId", runId, "location", "/admin/imports/" + runId));
        } catch (LovacRefusedException e) {
            return ResponseEntity.status(409).body(Map.of("error", e.getMessage()));
        } finally {
            if (!started) {
                Files.deleteIfExists(target);
            }
        }
    }

    private static Integer year(String millesime) {
        try {
            return Integer.parseInt(millesime == null ? "" : millesime.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The name the browser gave the file, as the list of runs shows it: only a label (never a path on the server),
     * without folders or control characters, 200 characters at most; "lovac.csv" when nothing is left.
     */
    private static String label(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.length() > 200) {
            base = base.substring(0, Character.isHighSurrogate(base.charAt(199)) ? 199 : 200);
        }
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "lovac.csv" : base;
    }

    /** The page's script, served from here: the content security policy forbids inline scripts. */
    @GetMapping(value = "/admin/imports/upload.js", produces = "text/javascript")
    ResponseEntity<org.springframework.core.io.Resource> script() {
        return ResponseEntity.ok().body(new org.springframework.core.io.ClassPathResource("templates/imports/upload.js"));
    }

    @GetMapping("/admin/imports/{id:\\d+}")
    String run(@PathVariable long id, Model model) {
        model.addAttribute("run", find(id));
        model.addAttribute("progress", imports.progress(id).orElse(null));
        return "imports/run";
    }

    @GetMapping("/admin/imports/{id}/progression")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("run", find(id));
        model.addAttribute("progress", imports.progress(id).orElse(null));
        return "imports/run :: status";
    }

    @GetMapping("/admin/imports/{id}/rejets.csv")
    ResponseEntity<FileSystemResource> rejects(@PathVariable long id) {
        Path file = imports.rejectsFile(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "Aucune ligne rejetée pour cet import."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejets.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(new FileSystemResource(file));
    }

    private ImportRunView find(long id) {
        return imports.run(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "Import introuvable."));
    }
}
