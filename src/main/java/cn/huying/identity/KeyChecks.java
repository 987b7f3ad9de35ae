package cn.huying.identity;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keys kept outside the database that every node must share (issue 30): the personal-data key, the history key,
 * the residents' look-up key. The first node to start stores a check value made with its key (table
 * {@code key_check}); a node whose key does not match it refuses to start, with a Chinese and English message
 * naming the setting — so that a second node with its own generated key cannot write data the others cannot read.
 */
public interface KeyChecks {

    /**
     * Stores {@code fresh.get()} under {@code name} when nothing is stored yet; otherwise requires
     * {@code matches} to accept what is stored, and throws {@link IllegalStateException} if it does not.
     *
     * @param name    the key's name in {@code key_check} ({@code pii}, {@code history}, …)
     * @param setting the setting that holds the key, e.g. {@code huying.pii.key}; the message names it and its
     *                environment variable
     * @param fresh   a check value made with this node's key
     * @param matches whether a stored check value was made with this node's key
     */
    void require(String name, String setting, Supplier<String> fresh, Predicate<String> matches);
}
