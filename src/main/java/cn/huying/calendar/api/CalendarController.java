package cn.huying.calendar.api;

import cn.huying.calendar.CalendarDay;
import cn.huying.calendar.CalendarPermissions;
import cn.huying.calendar.CalendarYears;
import cn.huying.calendar.Deadline;
import cn.huying.calendar.NoticeImport;
import cn.huying.calendar.PublishedNotice;
import cn.huying.calendar.WorkingCalendar;
import cn.huying.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "工作日历 Calendar",
        description = "国务院办公厅每年公布的节假日安排：法定节假日放假、调休上班；未列出的日期按周一至周五上班。"
                + "尚未公布安排的年份按周一至周五推定（assumed）。查询无需登录，导入安排需 calendar:edit 权限。")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    static final String ASSUMED_HEADER = "X-Calendar-Assumed";
    static final int MAX_WORKING_DAYS = 365;
    static final int MAX_WORKING_HOURS = 2000;

    /**
     * A deadline as the API answers it; exactly one of {@code workingDays} and {@code workingHours} is set.
     *
     * @param assumed the deadline counted days of a year whose notice is not yet published
     */
    record DeadlineAnswer(OffsetDateTime from, Integer workingDays, Integer workingHours, OffsetDateTime deadline,
                          boolean assumed) {
    }

    /** The shape of a notice, for the API description only: the import reads the body itself. */
    record NoticeJson(@Schema(example = "2027") int year, List<String> papers, List<NoticeDayJson> days) {
    }

    record NoticeDayJson(@Schema(example = "元旦") String name, @Schema(example = "2027-01-01") LocalDate date,
                         @Schema(description = "true 放假；false 调休上班") boolean isOffDay) {
    }

    record NoticeUpload(@Schema(type = "string", format = "binary", description = "节假日安排 JSON 文件") String file) {
    }

    private final CalendarYears years;
    private final WorkingCalendar calendar;

    CalendarController(CalendarYears years, WorkingCalendar calendar) {
        this.years = years;
        this.calendar = calendar;
    }

    @Operation(summary = "某年每一天是否工作日及节日名称",
            description = "name：放假日为节日名称（如“春节”）；调休上班日为“春节（调休上班）”；普通日期为 null。"
                    + "响应头 X-Calendar-Assumed 为 true 表示该年尚未公布节假日安排，按周一至周五推定。")
    @ApiResponse(responseCode = "200", description = "该年全部日期", useReturnTypeSchema = true,
            headers = @Header(name = ASSUMED_HEADER, description = "该年是否尚无公布的安排（true/false）"))
    @ApiResponse(responseCode = "400", description = "年份无效", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{year}")
    ResponseEntity<List<CalendarDay>> year(@Parameter(description = "年份，2000–2100", example = "2026")
                                           @PathVariable int year) {
        List<CalendarDay> days = years.days(year);
        return ResponseEntity.ok()
                .header(ASSUMED_HEADER, String.valueOf(calendar.isAssumed(LocalDate.of(year, 1, 1))))
                .body(days);
    }

    @Operation(summary = "计算办理期限：自受理时刻起 N 个工作日或 N 个工作小时",
            description = "workingDays 与 workingHours 须且只能给出一个。工作日期限截至到期日 23:59:59；"
                    + "默认受理当日不计，下班后或非工作日受理的自下一工作日起算；workingDays=0 为受理当日办结。"
                    + "工作小时只计工作日的办公时间（默认 08:30–12:00、13:30–17:30）。")
    @ApiResponse(responseCode = "200", description = "期限", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "参数缺失、冲突或超出范围", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/deadline")
    DeadlineAnswer deadline(
            @Parameter(description = "受理时刻，带时区的 ISO 8601 时间", example = "2026-09-18T10:00:00+08:00")
            @RequestParam String from,
            @Parameter(description = "工作日数，0–365", example = "1") @RequestParam(required = false) Integer workingDays,
            @Parameter(description = "工作小时数，0–2000") @RequestParam(required = false) Integer workingHours) {
        OffsetDateTime received = receivedAt(from);
        if ((workingDays == null) == (workingHours == null)) {
            throw DomainException.invalid("calendar.deadline.one-of");
        }
        Deadline deadline;
        if (workingDays != null) {
            if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
                throw DomainException.invalid("calendar.working-days.invalid", String.valueOf(MAX_WORKING_DAYS));
            }
            deadline = calendar.addWorkingDays(received.toInstant(), workingDays);
        } else {
            if (workingHours < 0 || workingHours > MAX_WORKING_HOURS) {
                throw DomainException.invalid("calendar.working-hours.invalid", String.valueOf(MAX_WORKING_HOURS));
            }
            deadline = calendar.addWorkingHours(received.toInstant(), workingHours);
        }
        return new DeadlineAnswer(received.atZoneSameInstant(calendar.zone()).toOffsetDateTime(), workingDays,
                workingHours, deadline.at().atZone(calendar.zone()).toOffsetDateTime(), deadline.assumed());
    }

    /** Parses the receipt time; a "+" the client forgot to encode arrives as a space and is taken back. */
    private static OffsetDateTime receivedAt(String from) {
        OffsetDateTime received;
        try {
            received = OffsetDateTime.parse(from.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("calendar.from.invalid", from);
        }
        int year = received.getYear();
        if (year < CalendarYears.FIRST_YEAR || year > CalendarYears.LAST_YEAR) {
            throw DomainException.invalid("calendar.from.out-of-range", from, String.valueOf(CalendarYears.FIRST_YEAR),
                    String.valueOf(CalendarYears.LAST_YEAR));
        }
        return received;
    }

    @Operation(summary = "已公布节假日安排的年份，及其来源、导入人和导入时间")
    @GetMapping("/notices")
    List<PublishedNotice> notices() {
        return years.notices();
    }

    @Operation(summary = "导入某年的节假日安排（JSON 正文，或 multipart 上传的 JSON 文件，字段名 file）",
            description = "格式同 holiday-cn：year、papers（通知网址）、days（name、date、isOffDay）。"
                    + "先整体校验：年份须有，日期须有效且在上年 12 月至次年 1 月之间、不得重复，名称须有；"
                    + "有误则不写入任何数据并说明原因。通过后替换该年已列出的日期，标记该年已公布，"
                    + "并由各模块重算依赖该年推定日期的已存期限。需 calendar:edit 权限。",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NoticeJson.class),
                            examples = @ExampleObject(value = """
                                    {"year": 2027, "papers": ["https://www.gov.cn/zhengce/…"],
                                     "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""")),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(implementation = NoticeUpload.class))}))
    @ApiResponse(responseCode = "200", description = "已导入", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "安排内容有误或未上传文件，未导入", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "无 calendar:edit 权限", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/import")
    @PreAuthorize("hasAuthority('" + CalendarPermissions.CALENDAR_EDIT + "')")
    NoticeImport importJson(@RequestBody byte[] notice) {
        // any body but a multipart form is read as the notice itself: JSON sent as text/plain or octet-stream too
        return years.importNotice(notice);
    }

    /** The same import from a file upload; described together with {@link #importJson} (one operation per path). */
    @Operation(hidden = true)
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + CalendarPermissions.CALENDAR_EDIT + "')")
    NoticeImport importFile(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("calendar.notice.file.missing");
        }
        try {
            return years.importNotice(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
