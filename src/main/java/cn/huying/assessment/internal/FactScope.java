package cn.huying.assessment.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Which rows of {@code case_facts_v f} a figure counts: a region path prefix (the caller's scope or a region inside
 * it), optional department, category (with its children), channel and kind, and a period of whole days. Every value
 * is a bound parameter. The days are those of the platform's zone ({@code clock.getZone()}, see
 * {@link cn.huying.shared.Zones}), which the caller passes.
 */
record FactScope(String pathPrefix, Long departmentId, Long categoryId, String channel, String kind, LocalDate from,
                 LocalDate to, Long gridId) {

    FactScope withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new FactScope(pathPrefix, departmentId, categoryId, channel, kind, newFrom, newTo, gridId);
    }

    /** The conditions (the period's days in {@code zone}, the platform's), appended to {@code params}. */
    String where(Map<String, Object> params, ZoneId zone) {
        StringBuilder sql = new StringBuilder(" WHERE f.region_path LIKE :path");
        params.put("path", pathPrefix + "%");
        if (departmentId != null) {
            sql.append(" AND f.department_id = :department");
            params.put("department", departmentId);
        }
        if (categoryId != null) {
            sql.append(" AND (f.category_id = :category OR f.category_parent_id = :category)");
            params.put("category", categoryId);
        }
        if (channel != null) {
            sql.append(" AND f.channel = :channel");
            params.put("channel", channel);
        }
        if (kind != null) {
            sql.append(" AND f.kind = :kind");
            params.put("kind", kind);
        }
        if (gridId != null) {
            sql.append(" AND f.grid_id = :grid");
            params.put("grid", gridId);
        }
        params.put("from", start(from, zone));
        params.put("to", start(to.plusDays(1), zone));
        return sql.toString();
    }

    static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
