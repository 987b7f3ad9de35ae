package cn.huying.notify.internal;

import cn.huying.identity.PersonalData;
import cn.huying.notify.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS gateway: writes the message to the log, the number masked. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text) {
        log.info("短信（未接入短信网关，仅记录）→ {}：{}", PersonalData.maskPhone(phone), text);
    }
}
