package cn.huying.calendar.internal;

import cn.huying.calendar.CalendarYears;
import cn.huying.shared.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a holiday notice in the holiday-cn JSON shape
 * ({@code {"year": 2026, "papers": ["…"], "days": [{"name": "春节", "date": "2026-02-15", "isOffDay": true}, …]}})
 * and refuses anything doubtful with a message that names the fault and the entry, in Chinese.
 */
final class NoticeParser {

    static final int MAX_NAME_LENGTH = 60;
    static final int MAX_PAPER_LENGTH = 500;
    static final int MAX_PAPERS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NoticeParser() {
    }

    static HolidayNotice parse(byte[] json) {
        JsonNode root;
        try {
            root = json == null || json.length == 0 ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            throw DomainException.invalid("calendar.notice.unreadable", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("calendar.notice.not-an-object");
        }
        int year = year(root.get("year"));
        List<String> papers = papers(root.get("papers"));
        JsonNode days = root.get("days");
        if (days == null || !days.isArray() || days.isEmpty()) {
            throw DomainException.invalid("calendar.notice.days.missing");
        }
        LocalDate first = LocalDate.of(year - 1, 12, 1);
        LocalDate last = LocalDate.of(year + 1, 1, 31);
        List<ListedDay> listed = new ArrayList<>(days.size());
        Set<LocalDate> seen = new HashSet<>();
        int position = 0;
        for (JsonNode day : days) {
            position++;
            if (!day.isObject()) {
                throw DomainException.invalid("calendar.notice.day.not-an-object", position);
            }
            JsonNode dateNode = day.get("date");
            String text = dateNode != null && dateNode.isString() ? dateNode.stringValue().strip() : null;
            if (text == null || text.isEmpty()) {
                throw DomainException.invalid("calendar.notice.day.date.missing", position);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("calendar.notice.day.date.invalid", position, text);
            }
            if (date.isBefore(first) || date.isAfter(last)) {
                throw DomainException.invalid("calendar.notice.day.date.out-of-range", position, text,
                        String.valueOf(year), first.toString(), last.toString());
            }
            if (!seen.add(date)) {
                throw DomainException.invalid("calendar.notice.day.duplicate", text);
            }
            JsonNode nameNode = day.get("name");
            String name = nameNode != null && nameNode.isString() ? nameNode.stringValue().strip() : "";
            if (name.isEmpty()) {
                throw DomainException.invalid("calendar.notice.day.name.missing", position, text);
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw DomainException.invalid("calendar.notice.day.name.too-long", position, text, MAX_NAME_LENGTH);
            }
            JsonNode off = day.get("isOffDay");
            if (off == null || !off.isBoolean()) {
                throw DomainException.invalid("calendar.notice.day.off.missing", position, text);
            }
            listed.add(new ListedDay(year, date, off.booleanValue(), name));
        }
        return new HolidayNotice(year, papers, listed);
    }

    private static int year(JsonNode node) {
        if (node == null || node.isNull()) {
            throw DomainException.invalid("calendar.notice.year.missing");
        }
        String text = node.isString() ? node.stringValue().strip() : node.isIntegralNumber() ? node.asString() : null;
        if (text == null || !text.matches("\\d{4}")) {
            throw DomainException.invalid("calendar.notice.year.invalid", node.toString(),
                    String.valueOf(CalendarYears.FIRST_YEAR), String.valueOf(CalendarYears.LAST_YEAR));
        }
        int year = Integer.parseInt(text);
        if (year < CalendarYears.FIRST_YEAR || year > CalendarYears.LAST_YEAR) {
            throw DomainException.invalid("calendar.notice.year.invalid", text,
                    String.valueOf(CalendarYears.FIRST_YEAR), String.valueOf(CalendarYears.LAST_YEAR));
        }
        return year;
    }

    private static List<String> papers(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_PAPERS) {
            throw DomainException.invalid("calendar.notice.papers.invalid", MAX_PAPERS, MAX_PAPER_LENGTH);
        }
        List<String> papers = new ArrayList<>();
        for (JsonNode paper : node) {
            String text = paper.isString() ? paper.stringValue().strip() : "";
            if (text.isEmpty() || text.length() > MAX_PAPER_LENGTH) {
                throw DomainException.invalid("calendar.notice.papers.invalid", MAX_PAPERS, MAX_PAPER_LENGTH);
            }
            papers.add(text);
        }
        return papers;
    }
}
