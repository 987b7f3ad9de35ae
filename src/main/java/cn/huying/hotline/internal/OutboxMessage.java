package cn.huying.hotline.internal;

/**
 * A message of the hotline outbox as a transport sends it.
 *
 * @param messageId stable for the life of the message: the hotline de-duplicates by it
 * @param sequence  1, 2, 3 … per case: the order in which the hotline must apply the messages
 * @param payload   the JSON body
 */
public record OutboxMessage(long id, String messageId, long caseId, String orderNo, int sequence, String type,
                            String payload, int attempts) {
}
