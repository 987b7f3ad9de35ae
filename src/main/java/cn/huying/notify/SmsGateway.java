package cn.huying.notify;

/**
 * Sends a text message 短信. The default implementation only writes a log line (with the number
 * masked); a deployment provides its operator's gateway as a bean of this type.
 */
public interface SmsGateway {

    void send(String phone, String text);
}
