package cn.huying.notify.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.notify.InboxMessage;
import cn.huying.notify.internal.InboxRepository;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "消息 Inbox", description = "本人的站内消息：新任务、预警、督办单、待审批。")
@RestController
class InboxController {

    private final InboxRepository inbox;
    private final CurrentUsers users;
    private final Clock clock;

    InboxController(InboxRepository inbox, CurrentUsers users, Clock clock) {
        this.inbox = inbox;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "我的消息（新的在前）")
    @GetMapping("/api/inbox")
    @PreAuthorize("isAuthenticated()")
    PageResult<InboxMessage> list(@RequestParam(defaultValue = "false") boolean unread,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        long me = users.require().id();
        PageRequest p = PageRequest.of(page, size);
        return new PageResult<>(inbox.page(me, unread, p.size(), p.offset()), inbox.count(me, unread), p.page(), p.size());
    }

    @Operation(summary = "未读消息数")
    @GetMapping("/api/inbox/count")
    @PreAuthorize("isAuthenticated()")
    Map<String, Long> count() {
        long me = users.require().id();
        return Map.of("unread", inbox.count(me, true), "total", inbox.count(me, false));
    }

    @Operation(summary = "标为已读")
    @PostMapping("/api/inbox/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void read(@PathVariable long id) {
        if (!inbox.markRead(users.require().id(), id, clock.instant())) {
            throw DomainException.notFound("inbox.not-found", id);
        }
    }

    @Operation(summary = "全部标为已读")
    @PostMapping("/api/inbox/read-all")
    @PreAuthorize("isAuthenticated()")
    Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead(users.require().id(), clock.instant()));
    }
}
