package cn.huying.cases.internal;

import cn.huying.cases.CaseAction;
import cn.huying.cases.CaseState;
import cn.huying.cases.HistoryView;
import cn.huying.cases.Tier;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A case's history 全程留痕 as the case page and the API show it: every entry, oldest first, with its label. */
@Repository
class HistoryReads {

    private final JdbcClient jdbc;

    HistoryReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HistoryView> history(long caseId) {
        return jdbc.sql("""
                SELECT h.id, h.action, h.from_state, h.to_state, h.tier, h.department_id, d.name AS department_name,
                       h.actor_id, h.actor_name, h.actor_role, h.note, h.attachment_ids, h.at
                FROM case_history h LEFT JOIN department d ON d.id = h.department_id
                WHERE h.case_id = ? ORDER BY h.id""")
                .param(caseId)
                .query((rs, n) -> {
                    String action = rs.getString("action");
                    String from = rs.getString("from_state");
                    CaseState to = CaseState.valueOf(rs.getString("to_state"));
                    String ids = rs.getString("attachment_ids");
                    return new HistoryView(rs.getLong("id"), action, actionLabel(action, to),
                            from == null ? null : CaseState.valueOf(from), to, to.label(),
                            Tier.valueOf(rs.getString("tier")), rs.getObject("department_id", Long.class),
                            rs.getString("department_name"), rs.getLong("actor_id"), rs.getString("actor_name"),
                            rs.getString("actor_role"), rs.getString("note"),
                            ids == null ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                            CaseRows.instant(rs, "at"));
                })
                .list();
    }

    static String actionLabel(String action, CaseState to) {
        if ("REPORT".equals(action)) {
            return "上报";
        }
        switch (action) {
            case "FOLLOW_LEAD" -> {
                return "随主件办结";
            }
            case "FIRST_CONTACT" -> {
                return "首次联系";
            }
            case "EXTENSION_REQUEST" -> {
                return "申请延期";
            }
            case "EXTENSION_APPROVED" -> {
                return "批准延期";
            }
            case "EXTENSION_REFUSED" -> {
                return "不同意延期";
            }
            case "PROGRESS" -> {
                return "反馈阶段性进展";
            }
            case "DEADLINE_YELLOW" -> {
                return "黄灯预警";
            }
            case "DEADLINE_RED" -> {
                return "红灯督办";
            }
            case "DEADLINE_RECOMPUTED" -> {
                return "重算办结时限";
            }
            case "SKIP_TO_TOWN" -> {
                return "直报镇平台";
            }
            case "HANDOFF_CLAIM" -> {
                return "移交办理";
            }
            case "HANDOFF_PROGRESS" -> {
                return "办理进展";
            }
            case "HANDOFF_RESOLVE" -> {
                return "移交办结";
            }
            case "HANDOFF_DECLINE" -> {
                return "移交退回";
            }
            default -> {
            }
        }
        try {
            return CaseAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }
}
