package cn.huying.residents.web;

import cn.huying.identity.CurrentUsers;
import cn.huying.residents.ImportJob;
import cn.huying.residents.ResidentImports;
import cn.huying.residents.ResidentKind;
import cn.huying.residents.ResidentPermissions;
import cn.huying.residents.Residents;
import cn.huying.residents.internal.ResidentSheets;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Import from Excel with the template (progress polled by htmx) and export of the filtered list. */
@Controller
@PreAuthorize("hasAuthority('" + ResidentPermissions.IMPORT + "')")
class ImportPages {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ResidentImports imports;
    private final Residents residents;
    private final CurrentUsers users;

    ImportPages(ResidentImports imports, Residents residents, CurrentUsers users) {
        this.imports = imports;
        this.residents = residents;
        this.users = users;
    }

    @GetMapping("/residents/import")
    String form() {
        return "residents/import";
    }

    @GetMapping("/residents/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        return xlsx("人员登记导入模板.xlsx", imports.template());
    }

    @PostMapping("/residents/import")
    String start(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("resident.import.empty");
            }
            ImportJob job = imports.start(file.getOriginalFilename(), file.getBytes(), users.require());
            return "redirect:/residents/import/" + job.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/residents/import";
        }
    }

    @GetMapping("/residents/import/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id, users.require()));
        return "residents/import";
    }

    /** The job's progress, polled by the page while it runs. */
    @GetMapping("/residents/import/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id, users.require()));
        return "residents/import :: progress";
    }

    @GetMapping("/residents/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                                  @RequestParam(required = false) ResidentKind kind,
                                  @RequestParam(required = false) Long regionId) {
        List<Residents.PersonSummary> all = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            PageResult<Residents.PersonSummary> r = residents.persons(new Residents.PersonQuery(q, null,
                    tag == null || tag.isBlank() ? null : tag, kind, regionId, false,
                    new PageRequest(page, PageRequest.MAX_SIZE)), users.require());
            all.addAll(r.items());
            if (!r.hasNext()) {
                break;
            }
        }
        return xlsx("人员台账.xlsx", ResidentSheets.export(all));
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
