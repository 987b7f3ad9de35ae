package cn.huying.analytics;

import java.time.LocalDate;

/**
 * The filters of a ledger on screen: which ledger ({@code general} 事件总台账, {@code hazards} 隐患台账,
 * {@code disputes} 矛盾纠纷台账), a region in scope, kind, state, channel, a text in code or title, and the days
 * received (inclusive).
 */
public record LedgerFilter(String ledger, Long regionId, String kind, String state, String channel, String q,
                           LocalDate from, LocalDate to) {
}
