package cn.huying.notify;

import java.time.Instant;

/**
 * A message in a user's inbox.
 *
 * @param kind NEW_WORK 新任务, WARNING 预警, SUPERVISION 督办, APPROVAL 待审批, INFO 通知
 */
public record InboxMessage(long id, String kind, String title, String body, Long caseId, String caseCode,
                           Instant createdAt, Instant readAt) {
}
