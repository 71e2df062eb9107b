package fr.zlv.perimeters.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.perimeters.PerimeterInputException;
import fr.zlv.perimeters.PerimeterManagement;
import fr.zlv.perimeters.PerimeterView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Perimeters over the API: list, upload (multipart field "file", optional "name"), geometry, delete. */
@RestController
@RequestMapping("/api/v1/geo-perimeters")
@Tag(name = "Périmètres", description = "Périmètres géographiques déposés par l'établissement de l'appelant")
class PerimeterApiController {

    private final PerimeterManagement perimeters;
    private final AccessManagement access;

    PerimeterApiController(PerimeterManagement perimeters, AccessManagement access) {
        this.perimeters = perimeters;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Périmètres de l'établissement, avec le nombre de logements de son territoire qu'ils contiennent")
    List<PerimeterView> list() {
        return perimeters.list(access.currentScope());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Dépose un périmètre : GeoJSON (WGS84) ou Shapefile zippé (.shp, .dbf, .prj ; Lambert-93 ou WGS84)")
    ResponseEntity<PerimeterView> upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                         @RequestParam(required = false) String name) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new PerimeterInputException("Le fichier est obligatoire (champ « file ») : GeoJSON ou Shapefile zippé.");
        }
        PerimeterView view = perimeters.upload(access.currentScope(), name, file.getOriginalFilename(), file.getBytes(),
                access.me().map(UserView::id).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @GetMapping("/{id}/geometry")
    @Operation(summary = "Géométrie GeoJSON (WGS84) d'un périmètre")
    ResponseEntity<String> geometry(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(perimeters.geometry(access.currentScope(), id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprime un périmètre")
    ResponseEntity<Void> delete(@PathVariable long id) {
        perimeters.delete(access.currentScope(), id);
        return ResponseEntity.noContent().build();
    }
}
