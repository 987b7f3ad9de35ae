package cn.huying.hotline.api;

import cn.huying.hotline.internal.HotlineService;
import cn.huying.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "12345 热线转办 Hotline transfers", description = """
        12345 热线以 API Key（请求头 X-API-Key，账号须为对接系统并有上报权限）推送工单，每张工单成为一件事件，进入镇街指挥中心待办。
        同一工单编号重复推送（含并发重试）只建一件，答 200 并返回第一次建立的事件（Idempotent-Replayed: true）。
        事件签收、首次联系、答复、延期、回退、不予受理、办结、回访时，平台按事件顺序回传热线（见 docs/channels.md）。""")
@RestController
@RequestMapping("/api/hotline")
class HotlineController {

    /**
     * A hotline work order. Times: {@code 2026-03-15T09:20:00+08:00} or {@code 2026-03-15 09:20:00}
     * (China Standard Time). Location: {@code lat}/{@code lng}, or {@code regionCode} (the town 属地).
     */
    record OrderBody(String orderNo, String category, String channelType, String citizenName, String citizenPhone,
                     String title, String content, String address, Double lat, Double lng, String regionCode,
                     String urgency, String receivedAt, String dueAt) {
    }

    private final HotlineService hotline;
    private final CurrentUsers users;

    HotlineController(HotlineService hotline, CurrentUsers users) {
        this.hotline = hotline;
        this.users = users;
    }

    @Operation(summary = "推送热线工单", description = """
            必填 orderNo（工单编号）、category（热线分类名称，按映射表对应事件分类；未映射的归入“其他”对应的分类）、
            content（诉求内容），以及位置 regionCode 或 lat+lng。channelType：热线转办（默认）、省热线咨询、网络舆情、
            公开电话、网络信件。receivedAt：热线受理时间（时限从此起算）；dueAt：热线要求的办结时限。
            201 新建；200 同一工单编号已推送过。""")
    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('case:report') and hasRole('SYSTEM')")
    ResponseEntity<HotlineService.Received> receive(@RequestBody OrderBody b) {
        HotlineService.Received r = hotline.receive(new HotlineService.Order(b.orderNo(), b.category(),
                b.channelType(), b.citizenName(), b.citizenPhone(), b.title(), b.content(), b.address(), b.lat(),
                b.lng(), b.regionCode(), b.urgency(), b.receivedAt(), b.dueAt()), users.require());
        return ResponseEntity.status(r.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(r.replay()))
                .body(r);
    }

    @Operation(summary = "按工单编号查事件当前状态（限数据范围）")
    @GetMapping("/orders/{orderNo}")
    @PreAuthorize("hasAuthority('case:view')")
    HotlineService.Received get(@PathVariable String orderNo) {
        return hotline.find(orderNo, users.require());
    }
}
