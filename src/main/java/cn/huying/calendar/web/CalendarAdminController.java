package cn.huying.calendar.web;

import cn.huying.calendar.CalendarDay;
import cn.huying.calendar.CalendarPermissions;
import cn.huying.calendar.CalendarYears;
import cn.huying.calendar.NoticeImport;
import cn.huying.calendar.PublishedNotice;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working calendar 工作日历 for administrators: the published holiday notices, newest first, the
 * dates one year lists, and the upload of a new year's notice (the JSON file of the holiday-cn shape)
 * — checked whole before anything is written; the answer says how many stored deadlines were
 * recomputed on the new calendar.
 */
@Controller
class CalendarAdminController {

    private static final String PERMISSION = "hasAuthority('" + CalendarPermissions.CALENDAR_EDIT + "')";

    private final CalendarYears years;
    private final MessageSource messages;

    CalendarAdminController(CalendarYears years, MessageSource messages) {
        this.years = years;
        this.messages = messages;
    }

    @GetMapping("/admin/calendar")
    @PreAuthorize(PERMISSION)
    String page(@RequestParam(required = false) Integer year, Model model) {
        List<PublishedNotice> notices = years.notices().stream()
                .sorted(Comparator.comparingInt(PublishedNotice::year).reversed()).toList();
        model.addAttribute("notices", notices);
        Integer shown = year != null ? year : notices.isEmpty() ? null : notices.get(0).year();
        if (shown != null && shown >= CalendarYears.FIRST_YEAR && shown <= CalendarYears.LAST_YEAR) {
            model.addAttribute("year", shown);
            model.addAttribute("published", notices.stream().anyMatch(n -> n.year() == shown));
            model.addAttribute("listed", years.days(shown).stream().filter(d -> d.name() != null).toList());
        } else {
            model.addAttribute("listed", List.<CalendarDay>of());
        }
        return "admin/calendar";
    }

    @PostMapping("/admin/calendar")
    @PreAuthorize(PERMISSION)
    String importNotice(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                        RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("file", "calendar.page.file.required",
                        new Object[0])));
            }
            NoticeImport done = years.importNotice(file.getBytes());
            redirect.addFlashAttribute("done", messages.getMessage("calendar.page.imported",
                    new Object[]{String.valueOf(done.year()), done.daysListed(), done.deadlinesRecomputed()},
                    Locale.SIMPLIFIED_CHINESE));
            return "redirect:/admin/calendar?year=" + done.year();
        } catch (InvalidInput e) {
            model.addAttribute("invalid", e);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID && e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            // the notice's fault, named in Chinese, goes beside the file field
            model.addAttribute("fileProblem", e);
        }
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return page(null, model);
    }
}
