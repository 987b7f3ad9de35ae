package cn.huying.patrol.web;

import cn.huying.identity.CurrentUser;
import cn.huying.patrol.Patrols;
import cn.huying.residents.Residents;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the phone forms need (shifts, her houses, the finding categories) and their refusals as problem documents. */
@Component
class GridForms {

    private final Patrols patrols;
    private final Residents residents;
    private final MessageSource messages;
    private final Clock clock;

    GridForms(Patrols patrols, Residents residents, MessageSource messages, Clock clock) {
        this.patrols = patrols;
        this.residents = residents;
        this.messages = messages;
        this.clock = clock;
    }

    void preparePatrol(Model model, CurrentUser me, Long houseId) {
        model.addAttribute("shifts", patrols.shifts());
        model.addAttribute("houses", residents.houses(new Residents.HouseQuery(null, null, null,
                new PageRequest(0, PageRequest.MAX_SIZE)), me).items());
        model.addAttribute("houseId", houseId);
        model.addAttribute("categories", patrols.findingCategories());
        int hour = java.time.LocalTime.now(clock).getHour();
        model.addAttribute("shift", hour < 12 ? "MORNING" : "AFTERNOON");
    }

    ResponseEntity<ProblemDetail> problem(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        String detail = e instanceof InvalidInput invalid ? invalid.errors().stream()
                .map(f -> messages.getMessage(f.messageKey(), f.args(), f.messageKey(), Locale.SIMPLIFIED_CHINESE))
                .collect(Collectors.joining("；"))
                : messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.SIMPLIFIED_CHINESE);
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
