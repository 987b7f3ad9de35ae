package cn.huying.residents.internal;

import cn.huying.residents.Residents.CareTag;
import cn.huying.shared.InvalidInput;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configurable care tags 关爱标签 and the tags of a page of people, read in one statement. */
@Component
class PersonTags {

    private final ResidentRepository repo;

    PersonTags(ResidentRepository repo) {
        this.repo = repo;
    }

    List<CareTag> all() {
        return repo.careTags().entrySet().stream()
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
        repo.tags(personIds).forEach((id, list) -> out.put(id, list.stream().map(t -> t[1]).toList()));
        return out;
    }

    Map<Long, List<String>> codes(List<Long> personIds) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        repo.tags(personIds).forEach((id, list) -> out.put(id, list.stream().map(t -> t[0]).toList()));
        return out;
    }
}
