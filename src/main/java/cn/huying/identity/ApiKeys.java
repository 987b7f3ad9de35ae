package cn.huying.identity;

import java.util.Optional;

/**
 * API keys 接口密钥 of outside systems (the 12345 hotline, Open311 clients), for modules that must
 * check a key they receive themselves rather than through the {@code X-API-Key} header, such as
 * the {@code api_key} form field of Open311.
 */
public interface ApiKeys {

    /** The account a key acts as, if the key exists and has not been revoked. */
    Optional<CurrentUser> verify(String key);
}
