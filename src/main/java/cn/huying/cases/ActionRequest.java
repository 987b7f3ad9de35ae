package cn.huying.cases;

import java.util.List;

/**
 * The fields of an action on a case. {@code version} is the version the actor saw: if the case
 * changed since, the action is refused with 409 and the current state.
 *
 * @param note         reason, reply or remark, as the action needs
 * @param departmentId for {@code dispatch}
 * @param handlerId    optional for {@code dispatch}: a named handler of that department
 * @param leadCaseId   for {@code merge}
 * @param satisfaction for {@code revisit}
 * @param receivingBody for {@code transfer}: the body the case goes to (移送至), e.g. 滕州市公安局木石派出所
 */
public record ActionRequest(Long version, String note, Long departmentId, Long handlerId, Long leadCaseId,
                            Satisfaction satisfaction, List<Upload> attachments, String receivingBody) {

    public ActionRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An action that names no receiving body (every action but {@code transfer}). */
    public ActionRequest(Long version, String note, Long departmentId, Long handlerId, Long leadCaseId,
                         Satisfaction satisfaction, List<Upload> attachments) {
        this(version, note, departmentId, handlerId, leadCaseId, satisfaction, attachments, null);
    }

    public static ActionRequest of(long version, String note) {
        return new ActionRequest(version, note, null, null, null, null, List.of());
    }
}
