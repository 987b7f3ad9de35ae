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
 */
public record ActionRequest(Long version, String note, Long departmentId, Long handlerId, Long leadCaseId,
                            Satisfaction satisfaction, List<Upload> attachments) {

    public ActionRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static ActionRequest of(long version, String note) {
        return new ActionRequest(version, note, null, null, null, null, List.of());
    }
}
