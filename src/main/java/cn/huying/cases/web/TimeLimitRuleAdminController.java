package cn.huying.cases.web;

import cn.huying.cases.CasePermissions;
import cn.huying.cases.Category;
import cn.huying.cases.Channel;
import cn.huying.cases.TimeLimitRule;
import cn.huying.cases.Urgency;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.cases.internal.TimeLimitRuleEditing;
import cn.huying.cases.internal.TimeLimitRules;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Time-limit rules 时限规则 for administrators: every version, the active one first, and a form that
 * edits the active version's rows and publishes them as the next version. Registered cases keep the
 * version they were judged by. The form names the version it edits: if another administrator
 * published meanwhile, nothing is published and the page says so.
 */
@Controller
class TimeLimitRuleAdminController {

    /** Empty rows offered under the active version's rules for new ones. */
    static final int SPARE_ROWS = 3;
    /** Rows one form may send, at most. */
    static final int MAX_ROWS = 60;
    private static final Pattern RULE_FIELD = Pattern.compile("^rules\\[(\\d+)](.*)$");

    /** A row of the form as typed: every field as text, so a wrong number comes back as it was typed. */
    record RowForm(String channel, String limitKey, String urgency, String firstContactDays, String completionDays,
                   String completionHours, String label) {

        static RowForm of(TimeLimitRule r) {
            return new RowForm(r.channel() == null ? "" : r.channel().name(), r.limitKey() == null ? "" : r.limitKey(),
                    r.urgency() == null ? "" : r.urgency().name(), text(r.firstContactDays()), text(r.completionDays()),
                    text(r.completionHours()), r.label());
        }

        static RowForm empty() {
            return new RowForm("", "", "", "", "", "", "");
        }

        boolean blank() {
            return channel.isBlank() && limitKey.isBlank() && urgency.isBlank() && firstContactDays.isBlank()
                    && completionDays.isBlank() && completionHours.isBlank() && label.isBlank();
        }

        private static String text(Integer n) {
            return n == null ? "" : n.toString();
        }
    }

    private final TimeLimitRules rules;
    private final TimeLimitRuleEditing editing;
    private final CaseWebSupport support;
    private final CurrentUsers users;

    TimeLimitRuleAdminController(TimeLimitRules rules, TimeLimitRuleEditing editing, CaseWebSupport support,
                                 CurrentUsers users) {
        this.rules = rules;
        this.editing = editing;
        this.support = support;
        this.users = users;
    }

    @GetMapping("/admin/time-limit-rules")
    @PreAuthorize(CasePermissions.HAS_RULE_EDIT)
    String page(Model model) {
        List<TimeLimitRules.Version> versions = versions();
        List<RowForm> rows = new ArrayList<>();
        versions.stream().filter(TimeLimitRules.Version::active).findFirst()
                .ifPresent(v -> v.rules().forEach(r -> rows.add(RowForm.of(r))));
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(RowForm.empty());
        }
        prepare(model, versions, rows, "");
        return "admin/time-limit-rules";
    }

    @PostMapping("/admin/time-limit-rules")
    @PreAuthorize(CasePermissions.HAS_RULE_EDIT)
    String publish(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        int basedOn = number(params.get("basedOn"), -1);
        int count = Math.min(MAX_ROWS, Math.max(0, number(params.get("rows"), 0)));
        String note = params.getOrDefault("note", "").strip();
        List<RowForm> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "r" + i + ".";
            rows.add(new RowForm(value(params, p + "channel"), value(params, p + "limitKey"), value(params, p + "urgency"),
                    value(params, p + "firstContactDays"), value(params, p + "completionDays"),
                    value(params, p + "completionHours"), value(params, p + "label")));
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        List<TimeLimitRule> parsed = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowForm r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            String f = "rules[" + i + "]";
            Channel channel = parse(Channel.class, r.channel(), f + ".channel", errors);
            Urgency urgency = parse(Urgency.class, r.urgency(), f + ".urgency", errors);
            Integer firstContact = integer(r.firstContactDays(), f + ".firstContactDays", errors);
            Integer days = integer(r.completionDays(), f + ".completionDays", errors);
            Integer hours = integer(r.completionHours(), f + ".completionHours", errors);
            parsed.add(new TimeLimitRule(null, null, channel, r.limitKey().isBlank() ? null : r.limitKey(), urgency,
                    firstContact, days, hours, r.label(), parsed.size()));
            rowOf.add(i);
        }
        if (note.length() > 400) {
            errors.add("note", "case.page.note.too-long", 400);
        }
        if (!errors.isEmpty()) {
            try {
                errors.throwIfAny();
            } catch (InvalidInput e) {
                return again(model, e, rows, note, basedOn);
            }
        }
        try {
            TimeLimitRules.Version v = editing.publishOver(basedOn, parsed, note.isEmpty() ? null : note,
                    users.require().username());
            redirect.addFlashAttribute("doneKey", "rules.published");
            redirect.addFlashAttribute("doneArg", v.version());
            return "redirect:/admin/time-limit-rules";
        } catch (InvalidInput e) {
            return again(model, toRows(e, rowOf), rows, note, basedOn);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
            return "redirect:/admin/time-limit-rules";
        }
    }

    /** The form again, as typed, with each message beside its row or field. */
    private String again(Model model, InvalidInput e, List<RowForm> rows, String note, int basedOn) {
        model.addAttribute("invalid", e);
        prepare(model, versions(), rows, note);
        model.addAttribute("basedOn", basedOn);
        return "admin/time-limit-rules";
    }

    private void prepare(Model model, List<TimeLimitRules.Version> versions, List<RowForm> rows, String note) {
        model.addAttribute("versions", versions);
        model.addAttribute("rows", rows);
        model.addAttribute("note", note);
        model.addAttribute("basedOn", versions.stream().filter(TimeLimitRules.Version::active)
                .mapToInt(TimeLimitRules.Version::version).findFirst().orElse(0));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("limitKeys", limitKeys(versions));
    }

    /** Versions with the active one first, then the newest. */
    private List<TimeLimitRules.Version> versions() {
        return rules.versions().stream()
                .sorted(Comparator.comparing((TimeLimitRules.Version v) -> !v.active())
                        .thenComparing(TimeLimitRules.Version::version, Comparator.reverseOrder()))
                .toList();
    }

    /** The categories' time-limit keys (and any a rule already names), each with the categories that carry it. */
    private Map<String, String> limitKeys(List<TimeLimitRules.Version> versions) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (Category c : support.categories()) {
            if (c.timeLimitKey() != null && c.parentId() != null) {
                byKey.computeIfAbsent(c.timeLimitKey(), k -> new ArrayList<>()).add(c.name());
            }
        }
        versions.forEach(v -> v.rules().forEach(r -> {
            if (r.limitKey() != null) {
                byKey.computeIfAbsent(r.limitKey(), k -> new ArrayList<>());
            }
        }));
        Map<String, String> out = new LinkedHashMap<>();
        byKey.forEach((k, names) -> out.put(k, names.isEmpty() ? k : k + "（" + names.stream().limit(3)
                .collect(Collectors.joining("、")) + (names.size() > 3 ? "等" : "") + "）"));
        return out;
    }

    /** The service names rules by their place among the rules sent; the page names them by the row of the form. */
    private static InvalidInput toRows(InvalidInput e, List<Integer> rowOf) {
        List<InvalidInput.FieldError> out = new ArrayList<>();
        for (InvalidInput.FieldError fe : e.errors()) {
            Matcher m = RULE_FIELD.matcher(fe.field());
            String field = fe.field();
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                field = "rules[" + (k < rowOf.size() ? rowOf.get(k) : k) + "]" + m.group(2);
            }
            out.add(new InvalidInput.FieldError(field, fe.messageKey(), fe.args()));
        }
        return new InvalidInput(out);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
                                               InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "rules.page.choose");
            return null;
        }
    }

    private static Integer integer(String value, String field, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "rules.page.integer");
            return null;
        }
    }

    private static int number(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null ? "" : v.strip();
    }
}
