package cn.huying.hotline.internal;

/** Carries one outbox message to the hotline. */
public interface HotlineTransport {

    /**
     * The outcome of one attempt. {@code acknowledged}: the hotline answered 2xx and has the message.
     *
     * @param status the HTTP status, or {@code null} when no answer came
     */
    record Delivery(boolean acknowledged, Integer status, String error) {

        public static Delivery acknowledged(int status) {
            return new Delivery(true, status, null);
        }

        public static Delivery failed(Integer status, String error) {
            return new Delivery(false, status, error);
        }
    }

    Delivery deliver(OutboxMessage message);
}
