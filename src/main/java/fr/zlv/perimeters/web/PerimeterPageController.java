package fr.zlv.perimeters.web;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.perimeters.PerimeterInputException;
import fr.zlv.perimeters.PerimeterManagement;
import fr.zlv.perimeters.PerimeterView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /perimetres}: the establishment's perimeters, upload, deletion with confirmation. */
@Controller
class PerimeterPageController {

    private final PerimeterManagement perimeters;
    private final AccessManagement access;

    PerimeterPageController(PerimeterManagement perimeters, AccessManagement access) {
        this.perimeters = perimeters;
        this.access = access;
    }

    @GetMapping("/perimetres")
    String list(Model model) {
        model.addAttribute("perimeters", perimeters.list(access.currentScope()));
        return "perimeters/list";
    }

    @PostMapping("/perimetres")
    String upload(@RequestParam(required = false) String name, @RequestParam(required = false) MultipartFile file,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new PerimeterInputException("Choisissez un fichier GeoJSON ou un Shapefile zippé.");
            }
            PerimeterView view = perimeters.upload(access.currentScope(), name, file.getOriginalFilename(), file.getBytes(),
                    access.me().map(UserView::id).orElse(null));
            redirect.addFlashAttribute("notice", "Le périmètre « " + view.name() + " » a été enregistré : "
                    + view.housingCount() + " logement" + (view.housingCount() > 1 ? "s" : "") + " à l'intérieur.");
            return "redirect:/perimetres";
        } catch (PerimeterInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("formName", name);
            return list(model);
        }
    }

    @GetMapping("/perimetres/{id}/suppression")
    String confirm(@PathVariable long id, Model model) {
        model.addAttribute("perimeter", perimeters.get(access.currentScope(), id));
        return "perimeters/delete";
    }

    @PostMapping("/perimetres/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        PerimeterView view = perimeters.get(access.currentScope(), id);
        perimeters.delete(access.currentScope(), id);
        redirect.addFlashAttribute("notice", "Le périmètre « " + view.name() + " » a été supprimé.");
        return "redirect:/perimetres";
    }
}
