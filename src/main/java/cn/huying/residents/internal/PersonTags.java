package cn.huying.residents.internal;

import cn.huying.residents.Residents.CareTag;
import cn.huying.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configurable care tags 关爱标签 and the tags of a page of people, read in one statement. */
@Component
class PersonTags {

    private final JdbcClient jdbc;

    PersonTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, List<String[]>> tags(List<Long> personIds) {
        Map<Long, List<String[]>> out = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT pt.person_id, t.code, t.name FROM res_person_tag pt JOIN res_care_tag t ON t.code = pt.tag_code"
                        + " WHERE pt.person_id IN (:ids) ORDER BY t.sort_order").param("ids", personIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new String[]{rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    void replace(long personId, java.util.Collection<String> tags) {
        jdbc.sql("DELETE FROM res_person_tag WHERE person_id = ?").param(personId).update();
        for (String t : tags) {
            jdbc.sql("INSERT INTO res_person_tag (person_id, tag_code) VALUES (?, ?)").params(personId, t).update();
        }
    }

    Map<String, String[]> careTags() {
        Map<String, String[]> out = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name, active FROM res_care_tag ORDER BY sort_order").query(rs -> {
            out.put(rs.getString(1), new String[]{rs.getString(2), String.valueOf(rs.getBoolean(3))});
        });
        return out;
    }

    List<CareTag> all() {
        return careTags().entrySet().stream()
                .map(e -> new CareTag(e.getKey(), e.getValue()[0], Boolean.parseBoolean(e.getValue()[1]))).toList();
    }

    /** The tag's code from its code or its Chinese name, or null. */
    String code(String codeOrName) {
        if (codeOrName == null) {
            return null;
        }
        String t = codeOrName.strip();
        return all().stream().filter(c -> c.code().equals(t) || c.name().equals(t)).map(CareTag::code).findFirst()
                .orElse(null);
    }

    void check(Collection<String> tags, InvalidInput.Collector errors) {
        Set<String> known = Set.copyOf(all().stream().filter(CareTag::active).map(CareTag::code).toList());
        for (String t : tags) {
            if (!known.contains(t)) {
                errors.add("tags", "resident.tag.unknown", t);
            }
        }
    }

    Map<Long, List<String>> names(List<Long> personIds) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        tags(personIds).forEach((id, list) -> out.put(id, list.stream().map(t -> t[1]).toList()));
        return out;
    }

    Map<Long, List<String>> codes(List<Long> personIds) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        tags(personIds).forEach((id, list) -> out.put(id, list.stream().map(t -> t[0]).toList()));
        return out;
    }
}
